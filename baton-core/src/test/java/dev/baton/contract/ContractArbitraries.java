package dev.baton.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for property tests: random shapes and contracts, and valid JSON values for a shape. A valid
 * value has every required field; optional fields are present or not, unless {@code complete} asks for all.
 */
final class ContractArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata");

    private ContractArbitraries() {}

    static Arbitrary<Contract> contracts() {
        return Combinators.combine(fieldLists(2), Arbitraries.integers().between(1, 9),
                        Arbitraries.of("default", "mailers", "reports.daily"))
                .as((fields, version, queue) -> new Contract("generated-job", version, queue, List.of(), fields, null));
    }

    private static Arbitrary<List<Field>> fieldLists(int depth) {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5)
                .set().ofMinSize(depth == 0 ? 1 : 0).ofMaxSize(6)
                .flatMap(names -> Combinators.combine(names.stream().map(name -> field(name, depth)).toList())
                        .as(ArrayList::new));
    }

    private static Arbitrary<Field> field(String name, int depth) {
        return shapes(depth).flatMap(shape -> Arbitraries.oneOf(
                Arbitraries.just(Field.required(name, shape)),
                values(shape, true).map(value -> Field.optional(name, shape, value))));
    }

    static Arbitrary<Shape> shapes(int depth) {
        Arbitrary<Shape> scalars = Arbitraries.oneOf(Arbitraries.of(SCALARS), enums(),
                Arbitraries.of(Shape.freeForm(JsonType.OBJECT), Shape.freeForm(JsonType.ARRAY)));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<Shape> inner = Arbitraries.lazy(() -> shapes(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalars),
                Tuple.of(1, inner.map(Shape::arrayOf)),
                Tuple.of(1, inner.map(Shape::mapOf)),
                Tuple.of(1, Arbitraries.lazy(() -> fieldLists(depth - 1)).map(Shape::recordOf)));
    }

    private static final List<Shape> SCALARS = scalarShapes();

    private static List<Shape> scalarShapes() {
        List<Shape> shapes = new ArrayList<>();
        for (String format : List.of("int8", "int16", "int32", "int64", "big")) {
            shapes.add(Shape.scalar(JsonType.INTEGER, format));
        }
        for (String format : List.of("float", "double", "decimal")) {
            shapes.add(Shape.scalar(JsonType.NUMBER, format));
        }
        shapes.add(Shape.scalar(JsonType.BOOLEAN, null));
        for (String format : List.of("string", "char", "date", "time", "date-time", "offset-date-time",
                "zoned-date-time", "instant", "duration", "period", "year", "year-month", "month-day", "zone-id", "uuid",
                "base64")) {
            shapes.add(Shape.scalar(JsonType.STRING, format));
        }
        List<Shape> primitives = shapes.stream()
                .filter(shape -> !List.of("big", "decimal").contains(String.valueOf(shape.format())))
                .filter(shape -> shape.type() != JsonType.STRING || "char".equals(shape.format()))
                .map(shape -> shape.withNullable(false))
                .toList();
        shapes.addAll(primitives);
        return List.copyOf(shapes);
    }

    private static Arbitrary<Shape> enums() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(4)
                .list().uniqueElements().ofMinSize(1).ofMaxSize(4).map(Shape::enumOf);
    }

    /** Valid JSON for a shape; null now and then where the shape allows it. */
    static Arbitrary<JsonNode> values(Shape shape, boolean complete) {
        Arbitrary<JsonNode> value = nonNull(shape, complete);
        return shape.nullable() ? Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(NullNode.getInstance())),
                Tuple.of(6, value)) : value;
    }

    /** An object with every required field and, unless complete, a random choice of the optional ones. */
    static Arbitrary<ObjectNode> objects(List<Field> fields, boolean complete) {
        List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> members = fields.stream()
                .map(field -> member(field, complete))
                .toList();
        return Combinators.combine(members).as(present -> {
            ObjectNode node = NODES.objectNode();
            present.forEach(member -> member.ifPresent(entry -> node.set(entry.getKey(), entry.getValue())));
            return node;
        });
    }

    private static Arbitrary<Optional<Map.Entry<String, JsonNode>>> member(Field field, boolean complete) {
        Arbitrary<Optional<Map.Entry<String, JsonNode>>> present = values(field.shape(), complete)
                .map(value -> Optional.of(Map.entry(field.name(), value)));
        return field.required() || complete ? present : Arbitraries.oneOf(present, Arbitraries.just(Optional.empty()));
    }

    private static Arbitrary<JsonNode> nonNull(Shape shape, boolean complete) {
        if (shape.isFreeForm()) {
            return shape.type() == JsonType.ARRAY
                    ? Arbitraries.strings().ofMaxLength(3).list().ofMaxSize(3).map(ContractArbitraries::textArray)
                    : Arbitraries.integers().list().ofMaxSize(3).map(ContractArbitraries::freeObject);
        }
        if (shape.enumValues() != null) {
            return Arbitraries.of(shape.enumValues()).map(NODES::textNode);
        }
        return switch (shape.type()) {
            case BOOLEAN -> Arbitraries.of(true, false).map(NODES::booleanNode);
            case INTEGER -> integer(shape.format());
            case NUMBER -> number(shape.format());
            case STRING -> string(shape.format()).map(NODES::textNode);
            case ARRAY -> values(shape.items(), complete).list().ofMaxSize(3).map(elements -> {
                ArrayNode array = NODES.arrayNode();
                elements.forEach(array::add);
                return array;
            });
            case OBJECT -> shape.fields() != null ? objects(shape.fields(), complete).map(JsonNode.class::cast)
                    : Arbitraries.maps(Arbitraries.strings().ofMaxLength(4), values(shape.values(), complete))
                            .ofMaxSize(3).map(entries -> {
                                ObjectNode map = NODES.objectNode();
                                entries.forEach(map::set);
                                return map;
                            });
        };
    }

    private static Arbitrary<JsonNode> integer(String format) {
        return switch (format) {
            case "int8" -> Arbitraries.integers().between(Byte.MIN_VALUE, Byte.MAX_VALUE).map(NODES::numberNode);
            case "int16" -> Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE).map(NODES::numberNode);
            case "int32" -> Arbitraries.integers().map(NODES::numberNode);
            case "int64" -> Arbitraries.longs().map(NODES::numberNode);
            default -> Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                    .map(NODES::numberNode);
        };
    }

    private static Arbitrary<JsonNode> number(String format) {
        if ("decimal".equals(format)) {
            return Arbitraries.bigDecimals().ofScale(4).map(NODES::numberNode);
        }
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.doubles().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of("NaN", "Infinity", "-Infinity").map(NODES::textNode)));
    }

    private static Arbitrary<String> string(String format) {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-2_000_000_000L, 4_000_000_000L);
        Arbitrary<LocalDateTime> dateTimes = seconds.map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
        return switch (format) {
            case "char" -> Arbitraries.chars().filter(c -> !Character.isSurrogate(c)).map(String::valueOf);
            case "date" -> dateTimes.map(t -> t.toLocalDate().toString());
            case "time" -> dateTimes.map(t -> t.toLocalTime().toString());
            case "date-time" -> dateTimes.map(LocalDateTime::toString);
            case "offset-date-time" -> dateTimes.map(t -> OffsetDateTime.of(t, ZoneOffset.ofHours(2)).toString());
            case "zoned-date-time" -> dateTimes.map(t -> ZonedDateTime.of(t, ZoneId.of("Europe/Paris")).toString());
            case "instant" -> seconds.map(s -> Instant.ofEpochSecond(s).toString());
            case "duration" -> seconds.map(s -> Duration.ofSeconds(s).toString());
            case "period" -> Arbitraries.integers().between(-1000, 1000).map(d -> Period.ofDays(d).toString());
            case "year" -> dateTimes.map(t -> Year.of(t.getYear()).toString());
            case "year-month" -> dateTimes.map(t -> YearMonth.from(t).toString());
            case "month-day" -> dateTimes.map(t -> MonthDay.from(t).toString());
            case "zone-id" -> Arbitraries.of(ZONES);
            case "uuid" -> Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()).toString());
            case "base64" -> Arbitraries.bytes().array(byte[].class).ofMaxSize(8)
                    .map(bytes -> Base64.getEncoder().encodeToString(bytes));
            default -> Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(8);
        };
    }

    private static JsonNode textArray(List<String> texts) {
        ArrayNode array = NODES.arrayNode();
        texts.forEach(array::add);
        return array;
    }

    private static JsonNode freeObject(List<Integer> numbers) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < numbers.size(); i++) {
            object.put("k" + i, numbers.get(i));
        }
        return object;
    }

    /** Whether every object of a record shape in the value has all of its fields, at every depth. */
    static boolean complete(List<Field> fields, JsonNode object) {
        return fields.stream().allMatch(field -> object.has(field.name())
                && complete(field.shape(), object.get(field.name())));
    }

    private static boolean complete(Shape shape, JsonNode value) {
        if (value.isNull() || shape.isFreeForm()) {
            return true;
        }
        if (shape.fields() != null) {
            return complete(shape.fields(), value);
        }
        if (shape.items() != null) {
            for (JsonNode element : value) {
                if (!complete(shape.items(), element)) {
                    return false;
                }
            }
        }
        if (shape.values() != null) {
            for (JsonNode element : value) {
                if (!complete(shape.values(), element)) {
                    return false;
                }
            }
        }
        return true;
    }
}
