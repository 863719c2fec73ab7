package dev.baton.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.baton.Default;
import dev.baton.Expect;
import dev.baton.Job;
import dev.baton.JobDefinitionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultValueTest {

    enum Plan { FREE, PRO }

    record Address(String city, @Default("00000") String zip) {}

    @Job(name = "defaults")
    record Defaults(
            @Default("false") boolean aBoolean,
            @Default("null") Boolean aNullBoolean,
            @Default("-7") int anInt,
            @Default("9007199254740993") long aLong,
            @Default("1.0") double aDouble,
            @Default("0.1") BigDecimal aDecimal,
            @Default("123456789012345678901234567890") BigInteger aBig,
            @Default("EUR") String aString,
            @Default("") String anEmptyString,
            @Default("\"quoted\"") String quotesKept,
            @Default("null") String aNullString,
            @Default("x") char aChar,
            @Default("PRO") Plan anEnum,
            @Default("123e4567-e89b-12d3-a456-426614174000") UUID aUuid,
            @Default("2017-12-24") LocalDate aDate,
            @Default("08:30") LocalTime aTime,
            @Default("2017-12-24T08:30:00") LocalDateTime aDateTime,
            @Default("2030-01-01T00:00:00Z") Instant anInstant,
            @Default("PT15M") Duration aDuration,
            @Default("Europe/Paris") ZoneId aZone,
            @Default("AQID") byte[] someBytes,
            @Default("[]") List<String> anEmptyList,
            @Default("[1, 2.50, 3]") List<Double> numbers,
            @Default("{\"b\": 2, \"a\": 1}") Map<String, Integer> aMap,
            @Default("{\"city\": \"Paris\"}") Address anAddress,
            @Default("summer") Optional<String> anOptionalWithDefault,
            @Default("5") OptionalInt anOptionalInt,
            Optional<String> anEmptyOptional,
            @Default("{\"free\": [\"form\"]}") com.fasterxml.jackson.databind.JsonNode aTree) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of("aBoolean", "false"),
                Arguments.of("aNullBoolean", "null"),
                Arguments.of("anInt", "-7"),
                Arguments.of("aLong", "9007199254740993"),
                Arguments.of("aDouble", "1"),
                Arguments.of("aDecimal", "0.1"),
                Arguments.of("aBig", "123456789012345678901234567890"),
                Arguments.of("aString", "\"EUR\""),
                Arguments.of("anEmptyString", "\"\""),
                Arguments.of("quotesKept", "\"\\\"quoted\\\"\""),
                Arguments.of("aNullString", "null"),
                Arguments.of("aChar", "\"x\""),
                Arguments.of("anEnum", "\"PRO\""),
                Arguments.of("aUuid", "\"123e4567-e89b-12d3-a456-426614174000\""),
                Arguments.of("aDate", "\"2017-12-24\""),
                Arguments.of("aTime", "\"08:30\""),
                Arguments.of("aDateTime", "\"2017-12-24T08:30:00\""),
                Arguments.of("anInstant", "\"2030-01-01T00:00:00Z\""),
                Arguments.of("aDuration", "\"PT15M\""),
                Arguments.of("aZone", "\"Europe/Paris\""),
                Arguments.of("someBytes", "\"AQID\""),
                Arguments.of("anEmptyList", "[]"),
                Arguments.of("numbers", "[1,2.5,3]"),
                Arguments.of("aMap", "{\"a\":1,\"b\":2}"),
                Arguments.of("anAddress", "{\"city\":\"Paris\"}"),
                Arguments.of("anOptionalWithDefault", "\"summer\""),
                Arguments.of("anOptionalInt", "5"),
                Arguments.of("anEmptyOptional", "null"),
                Arguments.of("aTree", "{\"free\":[\"form\"]}"));
    }

    /** The expected default is its canonical JSON text: numbers normalized, keys sorted. */
    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("defaults")
    void readsTheDefaultOfEachShape(String field, String canonicalDefault) throws Exception {
        Field derived = Contract.of(Defaults.class).field(field).orElseThrow();

        assertThat(derived.required()).isFalse();
        assertThat(JSON.writeValueAsString(derived.defaultValue())).isEqualTo(canonicalDefault);
    }

    @Test
    void forStringShapesTheTextIsTheValueAndOnlyExactlyNullIsNull() {
        Contract contract = Contract.of(Defaults.class);

        assertThat(contract.field("aString").orElseThrow().defaultValue()).isEqualTo(TextNode.valueOf("EUR"));
        assertThat(contract.field("aNullString").orElseThrow().defaultValue()).isEqualTo(NullNode.getInstance());
        assertThat(contract.field("quotesKept").orElseThrow().defaultValue()).isEqualTo(TextNode.valueOf("\"quoted\""));
    }

    @Test
    void theDefaultIsACopySoAPayloadCannotChangeIt() {
        Field numbers = Contract.of(Defaults.class).field("numbers").orElseThrow();

        ((com.fasterxml.jackson.databind.node.ArrayNode) numbers.defaultValue()).add(99);

        assertThat(numbers.defaultValue()).hasSize(3);
    }

    @Job(name = "bad") record NotABoolean(@Default("abc") boolean flag) {}

    @Job(name = "bad") record QuotedInt(@Default("\"1\"") int count) {}

    @Job(name = "bad") record FractionForInt(@Default("1.5") int count) {}

    @Job(name = "bad") record TooBigForByte(@Default("300") byte small) {}

    @Job(name = "bad") record NullForPrimitive(@Default("null") long id) {}

    @Job(name = "bad") record NullForPrimitiveChar(@Default("null") char letter) {}

    @Job(name = "bad") record UnknownConstant(@Default("GOLD") Plan plan) {}

    @Job(name = "bad") record BadDate(@Default("2017-13-45") LocalDate day) {}

    @Job(name = "bad") record BadUuid(@Default("1-2-3-4-5") UUID id) {}

    @Job(name = "bad") record TwoChars(@Default("ab") char letter) {}

    @Job(name = "bad") record ObjectForList(@Default("{}") List<String> tags) {}

    @Job(name = "bad") record WrongElement(@Default("[1, \"two\"]") List<Integer> counts) {}

    @Job(name = "bad") record TrailingGarbage(@Default("1 2") int count) {}

    @Job(name = "bad") record EmptyForInt(@Default("") int count) {}

    @Job(name = "bad") record MissingNestedField(@Default("{\"zip\": \"75001\"}") Address address) {}

    @Job(name = "bad") record NestedDefault(Holder holder) {}

    record Holder(@Default("many") int count) {}

    static Stream<Arguments> invalidDefaults() {
        return Stream.of(
                Arguments.of(NotABoolean.class, "flag", "abc", "is not JSON"),
                Arguments.of(QuotedInt.class, "count", "\"1\"", "is a string (\"1\") but the contract says integer (int32)"),
                Arguments.of(FractionForInt.class, "count", "1.5", "not a whole number"),
                Arguments.of(TooBigForByte.class, "small", "300", "out of range for integer (int8)"),
                Arguments.of(NullForPrimitive.class, "id", "null", "a primitive cannot be"),
                Arguments.of(NullForPrimitiveChar.class, "letter", "null", "a primitive cannot be"),
                Arguments.of(UnknownConstant.class, "plan", "GOLD", "not one of the constants [FREE, PRO]"),
                Arguments.of(BadDate.class, "day", "2017-13-45", "is not a valid date"),
                Arguments.of(BadUuid.class, "id", "1-2-3-4-5", "is not a valid uuid"),
                Arguments.of(TwoChars.class, "letter", "ab", "one character"),
                Arguments.of(ObjectForList.class, "tags", "{}", "is an object but the contract says array"),
                Arguments.of(WrongElement.class, "counts", "[1, \"two\"]", "at [1] is a string (\"two\")"),
                Arguments.of(TrailingGarbage.class, "count", "1 2", "is not JSON"),
                Arguments.of(EmptyForInt.class, "count", "", "is empty"),
                Arguments.of(MissingNestedField.class, "address", "{\"zip\": \"75001\"}",
                        "at city required field is missing"),
                Arguments.of(NestedDefault.class, "holder.count", "many", "is not JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefaults")
    void refusesADefaultThatDoesNotFitTheShape(Class<?> record, String component, String value, String problem) {
        JobDefinitionException e = Expect.thrown(JobDefinitionException.class, () -> Contract.of(record));

        assertThat(e.getMessage())
                .startsWith(record.getName() + ": component \"" + component + "\"")
                .contains("@Default(\"" + value + "\") is not a valid default for ")
                .contains(problem);
    }

    @Test
    void namesTheComponentTheValueAndTheShape() {
        JobDefinitionException e = Expect.thrown(JobDefinitionException.class, () -> Contract.of(NotABoolean.class));

        assertThat(e.getMessage()).startsWith(NotABoolean.class.getName()
                + ": component \"flag\" @Default(\"abc\") is not a valid default for boolean: the value is not JSON (");
    }

    @Test
    void aFieldCannotBeBuiltWithADefaultThatDoesNotFit() {
        Shape integer = Shape.scalar(JsonType.INTEGER, "int32");

        assertThat(Expect.thrown(IllegalArgumentException.class,
                () -> Field.optional("count", integer, TextNode.valueOf("x"))))
                .hasMessageContaining("the default of field \"count\" is invalid: the value is a string");
        assertThat(Expect.thrown(IllegalArgumentException.class, () -> new Field("count", integer, false, null)))
                .hasMessageContaining("needs a default");
        assertThat(Expect.thrown(IllegalArgumentException.class,
                () -> new Field("count", integer, true, NullNode.getInstance())))
                .hasMessageContaining("is required, so it has no default");
    }

    @Test
    void equalValuesWrittenDifferentlyAreOneDefault() throws Exception {
        Shape number = Shape.scalar(JsonType.NUMBER, "double");
        JsonNode one = JSON.readTree("1");
        JsonNode onePointZero = JSON.readTree("1.000");

        assertThat(Field.optional("x", number, one)).isEqualTo(Field.optional("x", number, onePointZero));
    }
}
