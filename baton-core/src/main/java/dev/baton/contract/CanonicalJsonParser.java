package dev.baton.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads what {@link CanonicalJson} writes, strictly: an unknown key or a wrong type is an error rather than
 * something skipped, because the fingerprint covers every key and a skipped one would go unverified.
 */
final class CanonicalJsonParser {

    private static final Set<String> CONTRACT_KEYS = Set.of("aliases", "fields", "fingerprint", "queue", "type",
            "version");
    private static final Set<String> FIELD_KEYS = Set.of("default", "name", "required", "shape");
    private static final Set<String> SHAPE_KEYS = Set.of("enum", "fields", "format", "items", "nullable", "type",
            "values");

    private CanonicalJsonParser() {}

    static Contract parse(String json) {
        if (json == null) {
            throw new ContractFormatException("the text is null", null);
        }
        JsonNode root;
        try {
            root = CanonicalJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ContractFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            expectObject(root, "the contract", CONTRACT_KEYS);
            Contract parsed = new Contract(text(root, "type"), integer(root, "version"), text(root, "queue"),
                    strings(root, "aliases"), fields(require(root, "fields"), "fields"), null);
            String stored = text(root, "fingerprint");
            if (!parsed.fingerprint().equals(stored)) {
                throw new ContractFormatException("fingerprint " + stored + " does not match the content, whose "
                        + "fingerprint is " + parsed.fingerprint() + ": the JSON was changed after it was written",
                        null);
            }
            return parsed;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ContractFormatException(e.getMessage(), e);
        }
    }

    private static List<Field> fields(JsonNode array, String where) {
        if (!array.isArray()) {
            throw new IllegalArgumentException(where + " is not an array");
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode node : array) {
            expectObject(node, where + " element", FIELD_KEYS);
            String name = text(node, "name");
            JsonNode required = require(node, "required");
            if (!required.isBoolean()) {
                throw new IllegalArgumentException("\"required\" of field \"" + name + "\" is not a boolean");
            }
            Shape shape = shape(require(node, "shape"), where + "." + name);
            fields.add(new Field(name, shape, required.booleanValue(), node.get("default")));
        }
        return fields;
    }

    private static Shape shape(JsonNode node, String where) {
        expectObject(node, "shape of " + where, SHAPE_KEYS);
        JsonNode nullable = node.get("nullable");
        if (nullable != null && !(nullable.isBoolean() && !nullable.booleanValue())) {
            throw new IllegalArgumentException("\"nullable\" of " + where + " is written only as false");
        }
        return new Shape(JsonType.fromJsonName(text(node, "type")),
                node.has("format") ? text(node, "format") : null,
                node.has("enum") ? strings(node, "enum") : null,
                node.has("items") ? shape(node.get("items"), where + "[]") : null,
                node.has("values") ? shape(node.get("values"), where + "{}") : null,
                node.has("fields") ? fields(node.get("fields"), where) : null,
                nullable == null);
    }

    private static void expectObject(JsonNode node, String what, Set<String> allowed) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(what + " has an unknown key \"" + name + "\"; known keys: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private static JsonNode require(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = require(node, key);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" is not a string");
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String key) {
        JsonNode value = require(node, key);
        if (!value.isInt()) {
            throw new IllegalArgumentException("\"" + key + "\" is not an int");
        }
        return value.intValue();
    }

    private static List<String> strings(JsonNode node, String key) {
        JsonNode array = require(node, key);
        if (!array.isArray()) {
            throw new IllegalArgumentException("\"" + key + "\" is not an array");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                throw new IllegalArgumentException("\"" + key + "\" holds a non-string: " + element);
            }
            strings.add(element.textValue());
        }
        return strings;
    }
}
