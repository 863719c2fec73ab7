package dev.baton.check;

import dev.baton.contract.JsonType;
import dev.baton.contract.Shape;
import java.util.List;
import java.util.Objects;

/**
 * Whether a field's new shape accepts every value of its old shape: then old payloads read fine and only
 * new values may not fit old workers. Integers widen int8 -> int16 -> int32 -> int64 -> big, numbers
 * float -> double -> decimal, any integer to a number; a primitive may become nullable, an enum may gain
 * constants, and arrays and maps widen with their elements.
 */
final class Widening {

    private static final List<String> INTEGERS = List.of("int8", "int16", "int32", "int64", "big");
    private static final List<String> NUMBERS = List.of("float", "double", "decimal");

    private Widening() {}

    /** True when the shapes differ and {@code to} accepts everything {@code from} does. */
    static boolean isWidening(Shape from, Shape to) {
        return !from.equals(to) && accepts(to, from);
    }

    private static boolean accepts(Shape to, Shape from) {
        if (from.equals(to)) {
            return true;
        }
        if (!from.nullable() && to.nullable()) {
            // from is a primitive, to is nullable: every value still fits; compare the rest as nullable.
            return accepts(to, from.withNullable(true));
        }
        if (from.nullable() && !to.nullable()) {
            return false;
        }
        if (from.type() == JsonType.INTEGER && to.type() == JsonType.NUMBER) {
            return true;
        }
        if (from.type() != to.type()) {
            return false;
        }
        return switch (from.type()) {
            case INTEGER -> rank(INTEGERS, from.format()) >= 0 && rank(INTEGERS, to.format()) >= rank(INTEGERS, from.format());
            case NUMBER -> rank(NUMBERS, from.format()) >= 0 && rank(NUMBERS, to.format()) >= rank(NUMBERS, from.format());
            case STRING -> from.enumValues() != null && to.enumValues() != null
                    && to.enumValues().containsAll(from.enumValues());
            case ARRAY -> from.items() != null && to.items() != null && Objects.equals(from.format(), to.format())
                    && accepts(to.items(), from.items());
            case OBJECT -> from.values() != null && to.values() != null && accepts(to.values(), from.values());
            case BOOLEAN -> false;
        };
    }

    private static int rank(List<String> order, String format) {
        return order.indexOf(format);
    }
}
