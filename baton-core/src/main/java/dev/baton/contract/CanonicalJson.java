package dev.baton.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical JSON text of a contract, and the normal form of JSON values inside it. Canonical means one
 * text per meaning: keys sorted, fields sorted by name, numbers in one form, no whitespace. The fingerprint
 * hashes this text, so the text must be byte-identical across runs, JVMs and component order.
 */
final class CanonicalJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Floats as BigDecimal: a default such as 0.1 or 1e400 must not change by passing through a double. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final int MAX_EXPANDED_EXPONENT = 1000;
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private CanonicalJson() {}

    /** The contract as canonical JSON, with or without its fingerprint (without is what gets hashed). */
    static String write(String type, int version, String queue, List<String> aliases, List<Field> fields,
            String fingerprint) {
        ObjectNode root = NODES.objectNode();
        ArrayNode aliasArray = root.putArray("aliases");
        aliases.stream().sorted().forEach(aliasArray::add);
        root.set("fields", fieldsNode(fields));
        if (fingerprint != null) {
            root.put("fingerprint", fingerprint);
        }
        root.put("queue", queue);
        root.put("type", type);
        root.put("version", version);
        return text(root);
    }

    static String fingerprint(String type, int version, String queue, List<String> aliases, List<Field> fields) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(write(type, version, queue, aliases, fields, null).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static ArrayNode fieldsNode(List<Field> fields) {
        ArrayNode array = NODES.arrayNode();
        for (Field field : Shape.sortedByName(fields)) {
            ObjectNode node = array.addObject();
            if (!field.required()) {
                node.set("default", field.defaultValue());
            }
            node.put("name", field.name());
            node.put("required", field.required());
            node.set("shape", shapeNode(field.shape()));
        }
        return array;
    }

    private static ObjectNode shapeNode(Shape shape) {
        ObjectNode node = NODES.objectNode();
        if (shape.enumValues() != null) {
            ArrayNode constants = node.putArray("enum");
            shape.enumValues().forEach(constants::add);
        }
        if (shape.fields() != null) {
            node.set("fields", fieldsNode(shape.fields()));
        }
        if (shape.format() != null) {
            node.put("format", shape.format());
        }
        if (shape.items() != null) {
            node.set("items", shapeNode(shape.items()));
        }
        if (!shape.nullable()) {
            // Only written when false, so the common (reference type) case keeps the minimal layout.
            node.put("nullable", false);
        }
        node.put("type", shape.type().jsonName());
        if (shape.values() != null) {
            node.set("values", shapeNode(shape.values()));
        }
        return node;
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always has a text form", e);
        }
    }

    /**
     * A deep copy in normal form: object keys sorted; a number with an integral value as the smallest of
     * int, long, big integer; any other number as a BigDecimal without trailing zeros.
     */
    static JsonNode normalize(JsonNode value) {
        if (value.isObject()) {
            ObjectNode sorted = NODES.objectNode();
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> sorted.set(name, normalize(value.get(name))));
            return sorted;
        }
        if (value.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            value.forEach(element -> copy.add(normalize(element)));
            return copy;
        }
        if (value.isNumber()) {
            return number(value);
        }
        return value.deepCopy();
    }

    private static JsonNode number(JsonNode value) {
        if (value.isDouble() || value.isFloat()) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                // Not JSON; written as text the way Jackson writes NaN for a double component.
                return NODES.textNode(Double.toString(d));
            }
        }
        BigDecimal decimal = value.decimalValue().stripTrailingZeros();
        // A huge exponent (1e100000) stays a decimal: expanding it would allocate its every digit.
        if (decimal.scale() > 0 || decimal.scale() < -MAX_EXPANDED_EXPONENT) {
            return NODES.numberNode(decimal);
        }
        BigInteger integer = decimal.toBigIntegerExact();
        if (integer.compareTo(INT_MIN) >= 0 && integer.compareTo(INT_MAX) <= 0) {
            return NODES.numberNode(integer.intValue());
        }
        if (integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0) {
            return NODES.numberNode(integer.longValue());
        }
        return NODES.numberNode(integer);
    }
}
