package dev.baton.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a JSON value against a shape: fills each missing optional field of a record object with its
 * default, and stops at the first missing required field or clearly wrong JSON type. Used on payloads by
 * {@link ContractReader} and on {@code @Default} values (strictly: string formats are parsed too).
 *
 * <p>"Clearly wrong" follows what the payload codec would otherwise do silently: Jackson reads null as 0
 * for a primitive, "12" as 12 and 1.7 as 1 for an int. Only the alternative forms Jackson itself writes
 * are accepted: numbers and arrays for java.time values (timestamps; a Duration is written as seconds),
 * and "NaN"/"Infinity" strings for floating-point numbers.
 */
final class Conformance {

    static final String MISSING = "required field is missing; a payload of this version must have it. If older "
            + "payloads lack it, give the field a @Default or make it Optional, or raise the version with an upcaster "
            + "that sets it";
    private static final Set<String> TIME_FORMATS = Set.of("date", "time", "date-time", "offset-date-time",
            "zoned-date-time", "instant", "duration", "period", "year", "year-month", "month-day");
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");
    private static final Map<String, BigInteger[]> RANGES = Map.of(
            "int8", range(Byte.MIN_VALUE, Byte.MAX_VALUE),
            "int16", range(Short.MIN_VALUE, Short.MAX_VALUE),
            "int32", range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            "int64", range(Long.MIN_VALUE, Long.MAX_VALUE));
    private static final int PREVIEW_LENGTH = 40;

    /** A value does not conform; path names the field ("address.zip", "lines[2]"), "" for the value itself. */
    static final class Mismatch extends RuntimeException {
        final String path;
        final String problem;

        Mismatch(String path, String problem) {
            // No stack trace: a mismatch is an expected outcome, turned into a typed exception by the caller.
            super(problem, null, false, false);
            this.path = path;
            this.problem = problem;
        }
    }

    private final boolean strict;

    private Conformance(boolean strict) {
        this.strict = strict;
    }

    /** Fills defaults into a payload object and checks it; mutates the node. */
    static void applyFields(List<Field> fields, ObjectNode payload) {
        new Conformance(false).fields(fields, payload, "");
    }

    /** @return null when a default value fits the shape, else what is wrong, to follow "the value" */
    static String defaultProblem(Shape shape, JsonNode value) {
        try {
            new Conformance(true).value(shape, value.deepCopy(), "");
            return null;
        } catch (Mismatch mismatch) {
            return mismatch.path.isEmpty() ? mismatch.problem : "at " + mismatch.path + " " + mismatch.problem;
        }
    }

    private void fields(List<Field> fields, ObjectNode node, String prefix) {
        for (Field field : fields) {
            String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
            JsonNode value = node.get(field.name());
            if (value == null) {
                if (field.required()) {
                    throw new Mismatch(path, MISSING);
                }
                value = field.defaultValue();
                node.set(field.name(), value);
            }
            // Also for a default just filled in: a record default gets its own nested defaults.
            value(field.shape(), value, path);
        }
    }

    private void value(Shape shape, JsonNode value, String path) {
        if (value.isNull()) {
            if (!shape.nullable()) {
                throw new Mismatch(path, "is null but the contract says " + shape.describe()
                        + ", which cannot be null (a Java primitive)");
            }
            return;
        }
        switch (shape.type()) {
            case STRING -> string(shape, value, path);
            case INTEGER -> integer(shape, value, path);
            case NUMBER -> {
                if (!value.isNumber() && !(value.isTextual() && NON_FINITE.contains(value.textValue())
                        && !"decimal".equals(shape.format()))) {
                    throw wrongType(shape, value, path);
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw wrongType(shape, value, path);
                }
            }
            case ARRAY -> array(shape, value, path);
            case OBJECT -> object(shape, value, path);
        }
    }

    private void string(Shape shape, JsonNode value, String path) {
        if (!value.isTextual()) {
            if (TIME_FORMATS.contains(shape.format()) && (value.isNumber() || value.isArray())) {
                return;
            }
            throw wrongType(shape, value, path);
        }
        String text = value.textValue();
        if (shape.enumValues() != null && !shape.enumValues().contains(text)) {
            throw new Mismatch(path, "is \"" + preview(text) + "\", which is not one of the constants "
                    + shape.enumValues());
        }
        if ("char".equals(shape.format()) && text.length() != 1) {
            throw new Mismatch(path, "is \"" + preview(text) + "\" but the contract says string (char): one character");
        }
        if (strict) {
            String problem = Formats.problem(shape.format(), text);
            if (problem != null) {
                throw new Mismatch(path, "\"" + preview(text) + "\" " + problem);
            }
        }
    }

    private void integer(Shape shape, JsonNode value, String path) {
        if (!value.isNumber()) {
            throw wrongType(shape, value, path);
        }
        BigInteger integer;
        if (value.isIntegralNumber()) {
            integer = value.bigIntegerValue();
        } else {
            BigDecimal decimal = value.decimalValue().stripTrailingZeros();
            if (decimal.scale() > 0) {
                // Jackson would silently drop the fraction.
                throw new Mismatch(path, "is " + value + ", not a whole number, but the contract says "
                        + shape.describe());
            }
            integer = decimal.toBigInteger();
        }
        BigInteger[] range = RANGES.get(shape.format());
        if (range != null && (integer.compareTo(range[0]) < 0 || integer.compareTo(range[1]) > 0)) {
            throw new Mismatch(path, "is " + preview(value.toString()) + ", out of range for " + shape.describe()
                    + " (" + range[0] + ".." + range[1] + ")");
        }
    }

    private void array(Shape shape, JsonNode value, String path) {
        if (!value.isArray()) {
            throw wrongType(shape, value, path);
        }
        if (shape.items() != null) {
            for (int i = 0; i < value.size(); i++) {
                value(shape.items(), value.get(i), path + "[" + i + "]");
            }
        }
    }

    private void object(Shape shape, JsonNode value, String path) {
        if (shape.isFreeForm()) {
            return; // a JsonNode component holds any JSON value
        }
        if (!value.isObject()) {
            throw wrongType(shape, value, path);
        }
        if (shape.fields() != null) {
            fields(shape.fields(), (ObjectNode) value, path);
        } else if (shape.values() != null) {
            for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                value(shape.values(), entry.getValue(), (path.isEmpty() ? "" : path + ".") + entry.getKey());
            }
        }
    }

    private static Mismatch wrongType(Shape shape, JsonNode value, String path) {
        return new Mismatch(path, "is " + found(value) + " but the contract says " + shape.describe());
    }

    /** The JSON type of a value with a short preview, for messages: {@code a string ("abc")}. */
    static String found(JsonNode value) {
        if (value.isTextual()) {
            return "a string (\"" + preview(value.textValue()) + "\")";
        }
        if (value.isNumber()) {
            return "a number (" + preview(value.toString()) + ")";
        }
        if (value.isBoolean()) {
            return "a boolean (" + value + ")";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String preview(String text) {
        return text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH) + "...";
    }

    private static BigInteger[] range(long min, long max) {
        return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
    }
}
