package dev.baton.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.math.BigDecimal;
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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The Java types a contract supports and their JSON shapes, as the payload codec (Jackson with the
 * java.time and Jdk8 modules, dates as ISO strings) writes them.
 */
final class JavaTypes {

    static final Set<Class<?>> COLLECTIONS = Set.of(List.class, Set.class, Collection.class, SortedSet.class,
            NavigableSet.class);
    static final Set<Class<?>> MAPS = Set.of(Map.class, SortedMap.class, NavigableMap.class);
    private static final Set<Class<?>> MAP_KEYS = Set.of(String.class, UUID.class, Integer.class, Long.class);
    private static final Map<Class<?>, Shape> SCALARS = scalars();

    private JavaTypes() {}

    private static Map<Class<?>, Shape> scalars() {
        Map<Class<?>, Shape> shapes = new HashMap<>();
        primitive(shapes, boolean.class, Boolean.class, JsonType.BOOLEAN, null);
        primitive(shapes, byte.class, Byte.class, JsonType.INTEGER, "int8");
        primitive(shapes, short.class, Short.class, JsonType.INTEGER, "int16");
        primitive(shapes, int.class, Integer.class, JsonType.INTEGER, "int32");
        primitive(shapes, long.class, Long.class, JsonType.INTEGER, "int64");
        primitive(shapes, float.class, Float.class, JsonType.NUMBER, "float");
        primitive(shapes, double.class, Double.class, JsonType.NUMBER, "double");
        primitive(shapes, char.class, Character.class, JsonType.STRING, "char");
        shapes.put(String.class, Shape.scalar(JsonType.STRING, "string"));
        shapes.put(char[].class, Shape.scalar(JsonType.STRING, "string")); // Jackson writes char[] as a string
        shapes.put(byte[].class, Shape.scalar(JsonType.STRING, "base64"));
        shapes.put(BigInteger.class, Shape.scalar(JsonType.INTEGER, "big"));
        shapes.put(BigDecimal.class, Shape.scalar(JsonType.NUMBER, "decimal"));
        shapes.put(UUID.class, Shape.scalar(JsonType.STRING, "uuid"));
        shapes.put(LocalDate.class, Shape.scalar(JsonType.STRING, "date"));
        shapes.put(LocalTime.class, Shape.scalar(JsonType.STRING, "time"));
        shapes.put(LocalDateTime.class, Shape.scalar(JsonType.STRING, "date-time"));
        shapes.put(OffsetDateTime.class, Shape.scalar(JsonType.STRING, "offset-date-time"));
        shapes.put(ZonedDateTime.class, Shape.scalar(JsonType.STRING, "zoned-date-time"));
        shapes.put(Instant.class, Shape.scalar(JsonType.STRING, "instant"));
        shapes.put(Duration.class, Shape.scalar(JsonType.STRING, "duration"));
        shapes.put(Period.class, Shape.scalar(JsonType.STRING, "period"));
        shapes.put(Year.class, Shape.scalar(JsonType.STRING, "year"));
        shapes.put(YearMonth.class, Shape.scalar(JsonType.STRING, "year-month"));
        shapes.put(MonthDay.class, Shape.scalar(JsonType.STRING, "month-day"));
        shapes.put(ZoneId.class, Shape.scalar(JsonType.STRING, "zone-id"));
        // An empty OptionalInt is written as null, like an empty Optional.
        shapes.put(OptionalInt.class, Shape.scalar(JsonType.INTEGER, "int32"));
        shapes.put(OptionalLong.class, Shape.scalar(JsonType.INTEGER, "int64"));
        shapes.put(OptionalDouble.class, Shape.scalar(JsonType.NUMBER, "double"));
        shapes.put(JsonNode.class, Shape.freeForm(JsonType.OBJECT));
        shapes.put(ObjectNode.class, Shape.freeForm(JsonType.OBJECT));
        shapes.put(ArrayNode.class, Shape.freeForm(JsonType.ARRAY));
        return Map.copyOf(shapes);
    }

    private static void primitive(Map<Class<?>, Shape> shapes, Class<?> primitive, Class<?> box, JsonType type,
            String format) {
        Shape shape = Shape.scalar(type, format);
        shapes.put(primitive, shape.withNullable(false));
        shapes.put(box, shape);
    }

    /** The shape of a class that needs no type arguments, or null when it has none (see {@link #whyNot}). */
    static Shape scalar(Class<?> type) {
        Shape shape = SCALARS.get(type);
        if (shape == null && type.isEnum() && customEnumForm(type) == null) {
            shape = Shape.enumOf(constants(type));
        }
        return shape;
    }

    static boolean isMapKey(Type key) {
        return key instanceof Class<?> plain && (MAP_KEYS.contains(plain) || scalar(plain) != null && plain.isEnum());
    }

    /** Why a class that {@link #scalar} has no shape for is unsupported, phrased to follow its name. */
    static String whyNot(Class<?> type) {
        if (type == Object.class) {
            return "can hold anything, so its JSON would be whatever the value's class happens to expose "
                    + "(a Thread is written as a 20 KB bean)";
        }
        if (type.isEnum()) {
            return "has a custom JSON form (" + customEnumForm(type) + "), which a contract cannot describe";
        }
        if (type == Optional.class || COLLECTIONS.contains(type) || MAPS.contains(type)) {
            return "is a raw type: give its type arguments, such as List<String> or Map<String, Long>";
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return "is a concrete collection: declare the component as List, Set, Collection or Map";
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "is a specific JSON node: use JsonNode, ObjectNode or ArrayNode";
        }
        if (type.isRecord()) {
            return "is a generic record used raw: a payload needs concrete types";
        }
        if (type.isInterface()) {
            return "is an interface, so the JSON would depend on whichever class implements it";
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            return "is an abstract class, so the JSON would depend on whichever subclass a value has";
        }
        return "is a class, not a record: its JSON would be whatever its getters happen to return";
    }

    /** The names of an enum's constants as Jackson writes them: @JsonProperty if present, else name(). */
    private static List<String> constants(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty renamed = enumType.getField(name).getAnnotation(JsonProperty.class);
                names.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : name);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("an enum constant is a public field", e);
            }
        }
        return names;
    }

    /** The annotation that gives an enum a JSON form other than its constant names, or null. */
    private static String customEnumForm(Class<?> enumType) {
        Stream<AccessibleObject> members = Stream.of(enumType.getDeclaredMethods(), enumType.getDeclaredFields(),
                enumType.getDeclaredConstructors()).flatMap(Stream::of);
        return members
                .filter(member -> member.isAnnotationPresent(JsonValue.class)
                        || member.isAnnotationPresent(JsonCreator.class))
                .findFirst()
                .map(member -> member.isAnnotationPresent(JsonValue.class) ? "@JsonValue" : "@JsonCreator")
                .orElse(null);
    }
}
