package dev.baton.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Expect;
import dev.baton.Job;
import dev.baton.JobDefinitionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractDerivationTest {

    enum Plan { FREE, PRO }

    enum Renamed { @JsonProperty("first") ONE, TWO }

    record Address(String city, int zip) {}

    @Job(name = "everything", version = 3, queue = "mailers", aliases = {"all-things", "a-thing"})
    record Everything(
            boolean aBoolean, Boolean aBoxedBoolean, byte aByte, Byte aBoxedByte, short aShort, Short aBoxedShort,
            int anInt, Integer aBoxedInt, long aLong, Long aBoxedLong, float aFloat, Float aBoxedFloat,
            double aDouble, Double aBoxedDouble, char aChar, Character aBoxedChar, String aString,
            BigInteger aBigInteger, BigDecimal aBigDecimal, Plan anEnum, Renamed aRenamedEnum, UUID aUuid,
            LocalDate aDate, LocalTime aTime, LocalDateTime aDateTime, OffsetDateTime anOffsetDateTime,
            ZonedDateTime aZonedDateTime, Instant anInstant, Duration aDuration, Period aPeriod, Year aYear,
            YearMonth aYearMonth, MonthDay aMonthDay, ZoneId aZoneId, DayOfWeek aDayOfWeek, Month aMonth,
            byte[] someBytes, char[] someChars, int[] someInts, String[] someStrings, List<String>[] listArray,
            List<LocalDate> aList, Set<Plan> aSet, Collection<Long> aCollection, List<List<Integer>> nested,
            Map<String, Long> aMap, Map<Plan, String> anEnumKeyMap, Map<UUID, Address> aUuidKeyMap,
            Map<Integer, Boolean> anIntKeyMap, Map<Long, List<String>> aLongKeyMap,
            Optional<String> anOptional, Optional<List<Address>> anOptionalList, OptionalInt anOptionalInt,
            OptionalLong anOptionalLong, OptionalDouble anOptionalDouble, Address anAddress,
            JsonNode aJsonNode, ObjectNode anObjectNode, ArrayNode anArrayNode,
            @JsonProperty("renamed_field") String javaName) {}

    private static final Shape ADDRESS = Shape.recordOf(List.of(
            Field.required("city", Shape.scalar(JsonType.STRING, "string")),
            Field.required("zip", Shape.scalar(JsonType.INTEGER, "int32").withNullable(false))));

    static Stream<Arguments> supportedTypes() {
        return Stream.of(
                row("aBoolean", primitive(JsonType.BOOLEAN, null)),
                row("aBoxedBoolean", scalar(JsonType.BOOLEAN, null)),
                row("aByte", primitive(JsonType.INTEGER, "int8")),
                row("aBoxedByte", scalar(JsonType.INTEGER, "int8")),
                row("aShort", primitive(JsonType.INTEGER, "int16")),
                row("aBoxedShort", scalar(JsonType.INTEGER, "int16")),
                row("anInt", primitive(JsonType.INTEGER, "int32")),
                row("aBoxedInt", scalar(JsonType.INTEGER, "int32")),
                row("aLong", primitive(JsonType.INTEGER, "int64")),
                row("aBoxedLong", scalar(JsonType.INTEGER, "int64")),
                row("aFloat", primitive(JsonType.NUMBER, "float")),
                row("aBoxedFloat", scalar(JsonType.NUMBER, "float")),
                row("aDouble", primitive(JsonType.NUMBER, "double")),
                row("aBoxedDouble", scalar(JsonType.NUMBER, "double")),
                row("aChar", primitive(JsonType.STRING, "char")),
                row("aBoxedChar", scalar(JsonType.STRING, "char")),
                row("aString", scalar(JsonType.STRING, "string")),
                row("aBigInteger", scalar(JsonType.INTEGER, "big")),
                row("aBigDecimal", scalar(JsonType.NUMBER, "decimal")),
                row("anEnum", Shape.enumOf(List.of("FREE", "PRO"))),
                row("aRenamedEnum", Shape.enumOf(List.of("first", "TWO"))),
                row("aUuid", scalar(JsonType.STRING, "uuid")),
                row("aDate", scalar(JsonType.STRING, "date")),
                row("aTime", scalar(JsonType.STRING, "time")),
                row("aDateTime", scalar(JsonType.STRING, "date-time")),
                row("anOffsetDateTime", scalar(JsonType.STRING, "offset-date-time")),
                row("aZonedDateTime", scalar(JsonType.STRING, "zoned-date-time")),
                row("anInstant", scalar(JsonType.STRING, "instant")),
                row("aDuration", scalar(JsonType.STRING, "duration")),
                row("aPeriod", scalar(JsonType.STRING, "period")),
                row("aYear", scalar(JsonType.STRING, "year")),
                row("aYearMonth", scalar(JsonType.STRING, "year-month")),
                row("aMonthDay", scalar(JsonType.STRING, "month-day")),
                row("aZoneId", scalar(JsonType.STRING, "zone-id")),
                row("aDayOfWeek", Shape.enumOf(List.of(
                        "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"))),
                row("aMonth", Shape.enumOf(Stream.of(Month.values()).map(Month::name).toList())),
                row("someBytes", scalar(JsonType.STRING, "base64")),
                row("someChars", scalar(JsonType.STRING, "string")),
                row("someInts", Shape.arrayOf(primitive(JsonType.INTEGER, "int32"))),
                row("someStrings", Shape.arrayOf(scalar(JsonType.STRING, "string"))),
                row("listArray", Shape.arrayOf(Shape.arrayOf(scalar(JsonType.STRING, "string")))),
                row("aList", Shape.arrayOf(scalar(JsonType.STRING, "date"))),
                row("aSet", Shape.arrayOf(Shape.enumOf(List.of("FREE", "PRO")))),
                row("aCollection", Shape.arrayOf(scalar(JsonType.INTEGER, "int64"))),
                row("nested", Shape.arrayOf(Shape.arrayOf(scalar(JsonType.INTEGER, "int32")))),
                row("aMap", Shape.mapOf(scalar(JsonType.INTEGER, "int64"))),
                row("anEnumKeyMap", Shape.mapOf(scalar(JsonType.STRING, "string"))),
                row("aUuidKeyMap", Shape.mapOf(ADDRESS)),
                row("anIntKeyMap", Shape.mapOf(scalar(JsonType.BOOLEAN, null))),
                row("aLongKeyMap", Shape.mapOf(Shape.arrayOf(scalar(JsonType.STRING, "string")))),
                row("anOptional", scalar(JsonType.STRING, "string")),
                row("anOptionalList", Shape.arrayOf(ADDRESS)),
                row("anOptionalInt", scalar(JsonType.INTEGER, "int32")),
                row("anOptionalLong", scalar(JsonType.INTEGER, "int64")),
                row("anOptionalDouble", scalar(JsonType.NUMBER, "double")),
                row("anAddress", ADDRESS),
                row("aJsonNode", Shape.freeForm(JsonType.OBJECT)),
                row("anObjectNode", Shape.freeForm(JsonType.OBJECT)),
                row("anArrayNode", Shape.freeForm(JsonType.ARRAY)),
                row("renamed_field", scalar(JsonType.STRING, "string")));
    }

    private static Arguments row(String field, Shape shape) {
        return Arguments.of(field, shape);
    }

    private static Shape scalar(JsonType type, String format) {
        return Shape.scalar(type, format);
    }

    private static Shape primitive(JsonType type, String format) {
        return Shape.scalar(type, format).withNullable(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedTypes")
    void derivesTheShapeOfEverySupportedType(String field, Shape expected) {
        assertThat(Contract.of(Everything.class).field(field)).get().extracting(Field::shape).isEqualTo(expected);
    }

    @Test
    void everyComponentBecomesAFieldAndTheJobAnnotationIsCarriedOver() {
        Contract contract = Contract.of(Everything.class);

        assertThat(contract.fields()).hasSize(Everything.class.getRecordComponents().length);
        assertThat(contract.field("javaName")).isEmpty();
        assertThat(contract.type()).isEqualTo("everything");
        assertThat(contract.version()).isEqualTo(3);
        assertThat(contract.queue()).isEqualTo("mailers");
        assertThat(contract.aliases()).containsExactly("a-thing", "all-things");
        assertThat(contract.fingerprint()).matches("[0-9a-f]{16}");
    }

    @Test
    void optionalsAreOptionalWithANullDefaultAndEverythingElseIsRequired() {
        Contract contract = Contract.of(Everything.class);
        Set<String> optional = Set.of("anOptional", "anOptionalList", "anOptionalInt", "anOptionalLong",
                "anOptionalDouble");

        for (Field field : contract.fields()) {
            assertThat(field.required()).as(field.name()).isEqualTo(!optional.contains(field.name()));
            assertThat(field.defaultValue()).as(field.name())
                    .isEqualTo(optional.contains(field.name()) ? NullNode.getInstance() : null);
        }
    }

    @Job(name = "with-optional-record")
    record WithOptionalAddress(Optional<Address> address) {}

    @Test
    void nestedRecordFieldsFollowTheSameRules() {
        Field address = Contract.of(WithOptionalAddress.class).field("address").orElseThrow();

        assertThat(address.required()).isFalse();
        assertThat(address.shape()).isEqualTo(ADDRESS);
        assertThat(address.shape().fields()).allMatch(Field::required);
    }

    // --- unsupported types ---

    interface Shipment {}

    static final class Bean {
        public String getName() {
            return "bean";
        }
    }

    abstract static class Base {}

    record Pair<A, B>(A first, B second) {}

    record Node(String name, List<Node> children) {}

    record Outer(Inner inner) {}

    record Inner(Outer outer) {}

    record HasObject(Object value) {}

    enum Coded {
        A;

        @com.fasterxml.jackson.annotation.JsonValue
        String code() {
            return "a";
        }
    }

    @Job(name = "bad-object")
    record ObjectField(String name, Object value) {}

    @Job(name = "bad-interface")
    record InterfaceField(Shipment shipment) {}

    @Job(name = "bad-class")
    record ClassField(Bean bean) {}

    @Job(name = "bad-abstract")
    record AbstractField(Base base) {}

    @Job(name = "bad-raw-list")
    @SuppressWarnings("rawtypes")
    record RawList(List items) {}

    @Job(name = "bad-raw-map")
    @SuppressWarnings("rawtypes")
    record RawMap(Map items) {}

    @Job(name = "bad-raw-optional")
    @SuppressWarnings("rawtypes")
    record RawOptional(Optional maybe) {}

    @Job(name = "bad-wildcard")
    record Wildcard(List<? extends Number> numbers) {}

    @Job(name = "bad-type-variable")
    record TypeVariable<T>(T value) {}

    @Job(name = "bad-generic-record")
    record GenericRecord(Pair<String, Long> pair) {}

    @Job(name = "bad-recursive")
    record Recursive(Node root) {}

    @Job(name = "bad-mutual")
    record Mutual(Outer outer) {}

    @Job(name = "bad-list-of-object")
    record ListOfObject(List<Object> values) {}

    @Job(name = "bad-map-key")
    record MapKey(Map<LocalDate, String> byDay) {}

    @Job(name = "bad-nested")
    record NestedObject(HasObject holder) {}

    @Job(name = "bad-thread")
    record ThreadField(Thread thread) {}

    @Job(name = "bad-concrete-list")
    record ConcreteList(java.util.ArrayList<String> names) {}

    @Job(name = "bad-enum")
    record CodedEnum(Coded coded) {}

    @Job(name = "bad-specific-node")
    record SpecificNode(com.fasterxml.jackson.databind.node.TextNode text) {}

    static Stream<Arguments> unsupportedTypes() {
        return Stream.of(
                Arguments.of(ObjectField.class, "value", "java.lang.Object", "can hold anything"),
                Arguments.of(InterfaceField.class, "shipment", "Shipment", "is an interface"),
                Arguments.of(ClassField.class, "bean", "Bean", "is a class, not a record"),
                Arguments.of(AbstractField.class, "base", "Base", "is an abstract class"),
                Arguments.of(RawList.class, "items", "java.util.List", "is a raw type"),
                Arguments.of(RawMap.class, "items", "java.util.Map", "is a raw type"),
                Arguments.of(RawOptional.class, "maybe", "java.util.Optional", "is a raw type"),
                Arguments.of(Wildcard.class, "numbers", "? extends java.lang.Number", "is a wildcard"),
                Arguments.of(TypeVariable.class, "value", "T", "is a type variable"),
                Arguments.of(GenericRecord.class, "pair", "Pair<java.lang.String, java.lang.Long>", "generic record"),
                Arguments.of(Recursive.class, "root.children", "Node", "contains itself (Node -> Node)"),
                Arguments.of(Mutual.class, "outer.inner.outer", "Outer", "contains itself (Outer -> Inner -> Outer)"),
                Arguments.of(ListOfObject.class, "values", "java.util.List<java.lang.Object>", "java.lang.Object"),
                Arguments.of(MapKey.class, "byDay", "java.time.LocalDate", "cannot be a map key"),
                Arguments.of(NestedObject.class, "holder.value", "java.lang.Object", "in record"),
                Arguments.of(ThreadField.class, "thread", "java.lang.Thread", "is a class, not a record"),
                Arguments.of(ConcreteList.class, "names", "java.util.ArrayList", "concrete collection"),
                Arguments.of(CodedEnum.class, "coded", "Coded", "@JsonValue"),
                Arguments.of(SpecificNode.class, "text", "TextNode", "use JsonNode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedTypes")
    void refusesTypesWithoutAStableJsonForm(Class<?> record, String component, String type, String reason) {
        JobDefinitionException e = Expect.thrown(JobDefinitionException.class, () -> Contract.of(record));

        assertThat(e.jobClass()).isEqualTo(record);
        assertThat(e.getMessage())
                .startsWith(record.getName() + ": component \"" + component + "\"")
                .contains(type)
                .contains(reason);
        if (!reason.startsWith("contains itself")) {
            assertThat(e.getMessage()).contains("use a record or plain data type such as String");
        }
    }

    @Test
    void anObjectFieldIsRefusedBeforeItCanHoldAThread() {
        JobDefinitionException e = Expect.thrown(JobDefinitionException.class, () -> Contract.of(ObjectField.class));

        assertThat(e).hasMessage(ObjectField.class.getName() + ": component \"value\" has type java.lang.Object, "
                + "which can hold anything, so its JSON would be whatever the value's class happens to expose (a Thread "
                + "is written as a 20 KB bean); use a record or plain data type such as String, long, BigDecimal, "
                + "LocalDate, Instant, UUID, an enum, List<...>, Map<String, ...> or a nested record");
    }

    // --- the @Job checks ---

    record NotAJob(long id) {}

    @Job(name = "Bad Name")
    record BadName(long id) {}

    @Job(name = "good-name", aliases = "Old Name")
    record BadAlias(long id) {}

    @Job(name = "good-name", aliases = "good-name")
    record SelfAlias(long id) {}

    @Job(name = "good-name", aliases = {"old", "old"})
    record TwiceAlias(long id) {}

    @Job(name = "no-record")
    static final class NoRecord {}

    static Stream<Arguments> invalidJobs() {
        return Stream.of(
                Arguments.of(NotAJob.class, "has no @Job annotation"),
                Arguments.of(BadName.class, "is not kebab-case"),
                Arguments.of(NoRecord.class, "is not a record"),
                Arguments.of(BadAlias.class, "@Job alias: job type name \"Old Name\" is not kebab-case"),
                Arguments.of(SelfAlias.class, "alias \"good-name\" is the type's own name"),
                Arguments.of(TwiceAlias.class, "[old, old]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidJobs")
    void refusesInvalidJobDeclarations(Class<?> record, String problem) {
        JobDefinitionException e = Expect.thrown(JobDefinitionException.class, () -> Contract.of(record));

        assertThat(e.getMessage()).startsWith(record.getName() + ": ").contains(problem);
    }

    @Job(name = "ignored-field")
    record IgnoredField(long id, @com.fasterxml.jackson.annotation.JsonIgnore String secret) {}

    @Job(name = "non-null-only")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record NonNullOnly(String name) {}

    @Job(name = "tolerant")
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Tolerant(String name) {}

    @Job(name = "same-json-name")
    record SameJsonName(String name, @JsonProperty("name") String other) {}

    @Test
    void refusesJacksonAnnotationsThatWouldMakeTheContractLie() {
        assertThat(Expect.thrown(JobDefinitionException.class, () -> Contract.of(IgnoredField.class)))
                .hasMessageContaining("component \"secret\" has @JsonIgnore");
        assertThat(Expect.thrown(JobDefinitionException.class, () -> Contract.of(NonNullOnly.class)))
                .hasMessageContaining("has @JsonInclude");
        assertThat(Expect.thrown(JobDefinitionException.class, () -> Contract.of(SameJsonName.class)))
                .hasMessageContaining("its JSON name \"name\" is also used");
        assertThat(Contract.of(Tolerant.class).fields()).extracting(Field::name).containsExactly("name");
    }
}
