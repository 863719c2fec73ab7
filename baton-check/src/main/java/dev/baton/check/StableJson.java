package dev.baton.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON text of files people commit and diff: keys sorted, two-space indent, one array element per line,
 * {@code "key": value}, LF line ends whatever the platform, a trailing newline. The same input always gives
 * the same bytes, so a lockfile only changes where a contract did.
 */
final class StableJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Floats as BigDecimal, as the canonical contract JSON reads them: a default must not pass through a double. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT);

    private StableJson() {}

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(sorted(node)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always has a text form", e);
        }
    }

    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always has a text form", e);
        }
    }

    /** @throws CheckFormatException naming {@code what} when the text is not JSON */
    static JsonNode parse(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CheckFormatException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A copy with every object's keys sorted; arrays keep their order, which carries meaning. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    static JsonNode require(JsonNode node, String key, String where) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            throw new CheckFormatException(where + ": \"" + key + "\" is missing", null);
        }
        return value;
    }

    static String text(JsonNode node, String key, String where) {
        JsonNode value = require(node, key, where);
        if (!value.isTextual()) {
            throw new CheckFormatException(where + ": \"" + key + "\" is not a string", null);
        }
        return value.textValue();
    }

    static int integer(JsonNode node, String key, String where) {
        JsonNode value = require(node, key, where);
        if (!value.isInt()) {
            throw new CheckFormatException(where + ": \"" + key + "\" is not an int", null);
        }
        return value.intValue();
    }

    static boolean bool(JsonNode node, String key, String where) {
        JsonNode value = require(node, key, where);
        if (!value.isBoolean()) {
            throw new CheckFormatException(where + ": \"" + key + "\" is not a boolean", null);
        }
        return value.booleanValue();
    }

    static ArrayNode array(JsonNode node, String key, String where) {
        JsonNode value = require(node, key, where);
        if (!value.isArray()) {
            throw new CheckFormatException(where + ": \"" + key + "\" is not an array", null);
        }
        return (ArrayNode) value;
    }
}
