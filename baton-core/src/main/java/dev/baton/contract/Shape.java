package dev.baton.contract;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON shape of a value.
 *
 * <p>{@code format} refines the type, {@code null} when there is nothing to add:
 * <ul>
 *   <li>INTEGER: {@code "int8"} (byte), {@code "int16"} (short), {@code "int32"}, {@code "int64"}, {@code "big"}
 *       (BigInteger);</li>
 *   <li>NUMBER: {@code "float"}, {@code "double"}, {@code "decimal"} (BigDecimal);</li>
 *   <li>STRING: {@code "string"}, {@code "char"}, {@code "date"}, {@code "time"}, {@code "date-time"},
 *       {@code "offset-date-time"}, {@code "zoned-date-time"}, {@code "instant"}, {@code "duration"}, {@code "period"},
 *       {@code "year"}, {@code "year-month"}, {@code "month-day"}, {@code "zone-id"}, {@code "uuid"}, {@code "enum"},
 *       {@code "base64"} (byte[]);</li>
 *   <li>OBJECT or ARRAY: {@code "json"} for free-form Jackson trees (JsonNode, ObjectNode: OBJECT; ArrayNode: ARRAY).
 *       A JsonNode may hold any JSON value, so a reader accepts anything for an OBJECT of format json.</li>
 * </ul>
 *
 * @param type the JSON type
 * @param format the refinement above, or {@code null}
 * @param enumValues for format {@code "enum"}: the constant names as written, in declaration order; else {@code null}
 * @param items for ARRAY (lists, sets, arrays): the element shape; {@code null} for free-form arrays
 * @param values for maps (OBJECT): the value shape; keys are always JSON strings; else {@code null}
 * @param fields for nested records (OBJECT): the fields, kept sorted by name; else {@code null}
 * @param nullable whether JSON null is a valid value. False only for Java primitives (and primitive array
 *     elements), which Jackson would otherwise silently read as 0 or false.
 */
public record Shape(JsonType type, String format, List<String> enumValues, Shape items, Shape values,
        List<Field> fields, boolean nullable) {

    public static final String ENUM = "enum";
    public static final String JSON = "json";

    public Shape {
        Objects.requireNonNull(type, "type");
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
        fields = fields == null ? null : sortedByName(fields);
        if (items != null && type != JsonType.ARRAY) {
            throw new IllegalArgumentException("items are for arrays, not " + type.jsonName());
        }
        if ((values != null || fields != null) && type != JsonType.OBJECT) {
            throw new IllegalArgumentException("values and fields are for objects, not " + type.jsonName());
        }
        if (values != null && fields != null) {
            throw new IllegalArgumentException("an object shape is a map (values) or a record (fields), not both");
        }
        if (ENUM.equals(format) != (enumValues != null) || (enumValues != null && type != JsonType.STRING)) {
            throw new IllegalArgumentException("enumValues go with, and only with, a string of format \"enum\"");
        }
        if (enumValues != null && new HashSet<>(enumValues).size() != enumValues.size()) {
            throw new IllegalArgumentException("duplicate enum values in " + enumValues);
        }
        if (type == JsonType.ARRAY && items == null && !JSON.equals(format)) {
            throw new IllegalArgumentException("an array shape needs items, or format \"json\" when free-form");
        }
        if (JSON.equals(format) && (items != null || values != null || fields != null)) {
            throw new IllegalArgumentException("a free-form (\"json\") shape has no items, values or fields");
        }
    }

    /** A nullable shape, as for any reference type. */
    public Shape(JsonType type, String format, List<String> enumValues, Shape items, Shape values, List<Field> fields) {
        this(type, format, enumValues, items, values, fields, true);
    }

    public static Shape scalar(JsonType type, String format) {
        return new Shape(type, format, null, null, null, null, true);
    }

    public static Shape enumOf(List<String> constants) {
        return new Shape(JsonType.STRING, ENUM, constants, null, null, null, true);
    }

    public static Shape arrayOf(Shape items) {
        return new Shape(JsonType.ARRAY, null, null, Objects.requireNonNull(items, "items"), null, null, true);
    }

    public static Shape mapOf(Shape values) {
        return new Shape(JsonType.OBJECT, null, null, null, Objects.requireNonNull(values, "values"), null, true);
    }

    public static Shape recordOf(List<Field> fields) {
        return new Shape(JsonType.OBJECT, null, null, null, null, Objects.requireNonNull(fields, "fields"), true);
    }

    /** A free-form Jackson tree: OBJECT for JsonNode and ObjectNode, ARRAY for ArrayNode. */
    public static Shape freeForm(JsonType type) {
        return new Shape(type, JSON, null, null, null, null, true);
    }

    public Shape withNullable(boolean nullable) {
        return nullable == this.nullable ? this : new Shape(type, format, enumValues, items, values, fields, nullable);
    }

    /** Free-form: any JSON value is accepted for it (format "json"). */
    public boolean isFreeForm() {
        return JSON.equals(format);
    }

    /** For messages: {@code integer (int64)}, {@code string (enum: FREE, PRO)}, {@code array of string (date)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(type.jsonName());
        if (enumValues != null) {
            text.append(" (enum: ").append(String.join(", ", enumValues)).append(')');
        } else if (format != null) {
            text.append(" (").append(format).append(')');
        }
        if (items != null) {
            text.append(" of ").append(items.describe());
        } else if (values != null) {
            text.append(" (map) of ").append(values.describe());
        } else if (fields != null) {
            text.append(" (record) with ")
                    .append(fields.stream().map(Field::name).collect(Collectors.joining(", ", "{", "}")));
        }
        return text.toString();
    }

    static List<Field> sortedByName(List<Field> fields) {
        List<Field> sorted = fields.stream().sorted(Comparator.comparing(Field::name)).toList();
        Set<String> names = new HashSet<>();
        for (Field field : sorted) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("two fields are named \"" + field.name() + "\"");
            }
        }
        return sorted;
    }
}
