package dev.baton.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads the text of a {@code @Default}. For a STRING shape (String, char, enums, UUID, java.time, byte[])
 * the text is the string itself, so {@code @Default("EUR")} needs no JSON quotes, except that exactly
 * {@code "null"} means JSON null. For every other shape the text is JSON: {@code "false"}, {@code "0"},
 * {@code "[]"}, {@code "{\"zip\":\"00000\"}"}, {@code "null"}.
 */
final class Defaults {

    private Defaults() {}

    /** @throws IllegalArgumentException saying why not, as a phrase that follows "the value" */
    static JsonNode parse(String text, Shape shape) {
        JsonNode value;
        if ("null".equals(text)) {
            value = NullNode.getInstance();
        } else if (shape.type() == JsonType.STRING) {
            value = TextNode.valueOf(text);
        } else {
            try {
                value = CanonicalJson.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("is not JSON (" + e.getOriginalMessage() + "): write the "
                        + "value as JSON text, such as @Default(\"0\"), @Default(\"false\") or @Default(\"[]\")");
            }
            if (value == null || value.isMissingNode()) {
                throw new IllegalArgumentException("is empty: write it as JSON text, such as @Default(\"0\")");
            }
        }
        if (value.isNull() && !shape.nullable()) {
            throw new IllegalArgumentException(
                    "is null, which a primitive cannot be: give a value, or use the boxed type");
        }
        JsonNode normal = CanonicalJson.normalize(value);
        String problem = Conformance.defaultProblem(shape, normal);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return normal;
    }
}
