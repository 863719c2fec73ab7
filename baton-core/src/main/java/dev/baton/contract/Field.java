package dev.baton.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One field of a payload object: a record component as it appears in JSON.
 *
 * @param name the JSON property name (the component name, or its {@code @JsonProperty} value)
 * @param shape the JSON shape of its value
 * @param required whether a payload must have it
 * @param defaultValue what a payload without it reads as, {@code NullNode} for {@code "null"} and an empty
 *     Optional; {@code null} exactly when required. Stored canonically (object keys sorted, numbers
 *     normalized: {@code 1.0} and {@code 1} are the same default), and returned as a fresh copy.
 */
public record Field(String name, Shape shape, boolean required, JsonNode defaultValue) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a field name is empty");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("field \"" + name + "\" is required, so it has no default");
        }
        if (!required && defaultValue == null) {
            throw new IllegalArgumentException("field \"" + name + "\" is optional, so it needs a default "
                    + "(NullNode for null)");
        }
        if (defaultValue != null) {
            defaultValue = CanonicalJson.normalize(defaultValue);
            String problem = Conformance.defaultProblem(shape, defaultValue);
            if (problem != null) {
                throw new IllegalArgumentException(
                        "the default of field \"" + name + "\" is invalid: the value " + problem);
            }
        }
    }

    public static Field required(String name, Shape shape) {
        return new Field(name, shape, true, null);
    }

    public static Field optional(String name, Shape shape, JsonNode defaultValue) {
        return new Field(name, shape, false, Objects.requireNonNull(defaultValue, "defaultValue"));
    }

    /** A copy on each call: JSON trees are mutable, and a reader puts the default into payloads. */
    @Override
    public JsonNode defaultValue() {
        return defaultValue == null ? null : defaultValue.deepCopy();
    }
}
