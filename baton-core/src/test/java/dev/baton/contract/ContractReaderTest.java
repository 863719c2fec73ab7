package dev.baton.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Default;
import dev.baton.Expect;
import dev.baton.Job;
import dev.baton.PayloadException;
import dev.baton.internal.JobTypeInfo;
import dev.baton.internal.PayloadCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

class ContractReaderTest {

    /** Seed 002: a field added to a job; payloads enqueued before the deploy lack it. */
    @Job(name = "compute-foobar", version = 2)
    record ComputeFoobar(long groupId, LocalDate start, LocalDate end, @Default("false") boolean computePast) {}

    enum Plan { FREE, PRO }

    record Address(String city, String zip, @Default("FR") String country) {}

    record Line(String sku, @Default("1") int quantity) {}

    @Job(name = "place-order", version = 3)
    record PlaceOrder(long orderId, Address address, List<Line> lines, Map<String, Integer> counts,
            Optional<String> note, OptionalInt priority, @Default("FREE") Plan plan, Instant at, UUID id,
            Duration timeout, double ratio, byte small, char letter, int[] slots) {}

    private static final Contract FOOBAR = Contract.of(ComputeFoobar.class);
    private static final Contract ORDER = Contract.of(PlaceOrder.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PayloadCodec codec = new PayloadCodec();

    @Test
    void aMissingOptionalFieldReadsAsItsDefaultAllTheWayIntoTheRecord() {
        ObjectNode payload = json("{\"groupId\": 7, \"start\": \"2024-01-01\", \"end\": \"2024-01-31\"}");

        ObjectNode applied = ContractReader.apply(FOOBAR, 1, payload);
        ComputeFoobar job = codec.read(JobTypeInfo.of(ComputeFoobar.class), 1, applied.toString(), ComputeFoobar.class);

        assertThat(applied).isSameAs(payload);
        assertThat(applied.get("computePast").booleanValue()).isFalse();
        assertThat(job).isEqualTo(new ComputeFoobar(7, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), false));
    }

    @Test
    void aPresentOptionalFieldIsKept() {
        ObjectNode payload = json("{\"groupId\": 7, \"start\": \"2024-01-01\", \"end\": \"2024-01-31\", "
                + "\"computePast\": true}");

        assertThat(ContractReader.apply(FOOBAR, 2, payload).get("computePast").booleanValue()).isTrue();
    }

    @Test
    void aMissingRequiredFieldNamesTheTypeTheStoredVersionAndTheField() {
        ObjectNode payload = json("{\"start\": \"2024-01-01\", \"end\": \"2024-01-31\"}");

        PayloadException e = Expect.thrown(PayloadException.class, () -> ContractReader.apply(FOOBAR, 1, payload));

        assertThat(e.type()).isEqualTo("compute-foobar");
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("groupId");
        assertThat(e).hasMessage("job compute-foobar v1, field \"groupId\": " + Conformance.MISSING);
    }

    @Test
    void optionalFieldsOfNestedRecordsGetTheirDefaultsToo() {
        ObjectNode payload = order();
        ((ObjectNode) payload.get("address")).remove("country");
        ((ObjectNode) payload.get("lines").get(1)).remove("quantity");
        payload.remove(List.of("note", "priority", "plan"));

        ContractReader.apply(ORDER, 3, payload);
        PlaceOrder job = codec.read(JobTypeInfo.of(PlaceOrder.class), 3, payload.toString(), PlaceOrder.class);

        assertThat(job.address().country()).isEqualTo("FR");
        assertThat(job.lines()).extracting(Line::quantity).containsExactly(4, 1);
        assertThat(job.note()).isEmpty();
        assertThat(job.priority()).isEmpty();
        assertThat(job.plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void aNestedMissingRequiredFieldIsNamedByItsPath() {
        ObjectNode payload = order();
        ((ObjectNode) payload.get("address")).remove("zip");

        PayloadException e = Expect.thrown(PayloadException.class, () -> ContractReader.apply(ORDER, 2, payload));

        assertThat(e.field()).isEqualTo("address.zip");
        assertThat(e.version()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith("job place-order v2, field \"address.zip\": required field is missing");
    }

    @Test
    void aMissingRequiredFieldInAListElementIsNamedByItsIndex() {
        ObjectNode payload = order();
        ((ObjectNode) payload.get("lines").get(1)).remove("sku");

        assertThat(Expect.thrown(PayloadException.class, () -> ContractReader.apply(ORDER, 3, payload)).field())
                .isEqualTo("lines[1].sku");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("orderId", "\"42\"", "is a string (\"42\") but the contract says integer (int64)"),
                Arguments.of("orderId", "4.5", "is 4.5, not a whole number, but the contract says integer (int64)"),
                Arguments.of("orderId", "null", "is null but the contract says integer (int64), which cannot be null"),
                Arguments.of("orderId", "true", "is a boolean (true) but the contract says integer (int64)"),
                Arguments.of("small", "300", "is 300, out of range for integer (int8) (-128..127)"),
                Arguments.of("ratio", "\"high\"", "is a string (\"high\") but the contract says number (double)"),
                Arguments.of("ratio", "null", "which cannot be null"),
                Arguments.of("lines", "{\"sku\": \"a\"}", "is an object but the contract says array of object"),
                Arguments.of("address", "[]", "is an array but the contract says object (record)"),
                Arguments.of("address", "\"Paris\"", "is a string (\"Paris\") but the contract says object"),
                Arguments.of("counts", "[1]", "is an array but the contract says object (map) of integer (int32)"),
                Arguments.of("plan", "\"GOLD\"", "is \"GOLD\", which is not one of the constants [FREE, PRO]"),
                Arguments.of("plan", "1", "is a number (1) but the contract says string (enum: FREE, PRO)"),
                Arguments.of("letter", "\"ab\"", "one character"),
                Arguments.of("at", "{}", "is an object but the contract says string (instant)"),
                Arguments.of("id", "7", "is a number (7) but the contract says string (uuid)"),
                Arguments.of("note", "5", "is a number (5) but the contract says string (string)"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongTypes")
    void aClearlyWrongJsonTypeNamesTheFieldAndBothTypes(String field, String value, String problem) {
        ObjectNode payload = order();
        payload.set(field, json("{\"v\": " + value + "}").get("v"));

        PayloadException e = Expect.thrown(PayloadException.class, () -> ContractReader.apply(ORDER, 3, payload));

        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith("job place-order v3, field \"" + field + "\": ").contains(problem)
                .endsWith("fix the code that wrote it, or convert such payloads in an upcaster");
    }

    static Stream<Arguments> wrongNestedTypes() {
        return Stream.of(
                Arguments.of("lines", "[{\"sku\": \"a\", \"quantity\": \"two\"}]", "lines[0].quantity"),
                Arguments.of("counts", "{\"a\": 1, \"b\": \"x\"}", "counts.b"),
                Arguments.of("slots", "[1, null]", "slots[1]"),
                Arguments.of("address", "{\"city\": 1, \"zip\": \"75001\"}", "address.city"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("wrongNestedTypes")
    void aWrongTypeInsideIsNamedByItsPath(String field, String value, String path) {
        ObjectNode payload = order();
        payload.set(field, json("{\"v\": " + value + "}").get("v"));

        assertThat(Expect.thrown(PayloadException.class, () -> ContractReader.apply(ORDER, 3, payload)).field())
                .isEqualTo(path);
    }

    static Stream<Arguments> acceptedForms() {
        return Stream.of(
                Arguments.of("orderId", "42.0"),
                Arguments.of("ratio", "3"),
                Arguments.of("ratio", "\"NaN\""),
                Arguments.of("ratio", "\"-Infinity\""),
                Arguments.of("note", "null"),
                Arguments.of("address", "null"),
                Arguments.of("timeout", "61.000000000"),
                Arguments.of("at", "1700000000"),
                Arguments.of("lines", "[]"));
    }

    /** Forms the codec itself writes (NaN as a string, a Duration as seconds) or reads without loss. */
    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("acceptedForms")
    void acceptsWhatTheCodecWritesOrReadsWithoutLoss(String field, String value) {
        ObjectNode payload = order();
        payload.set(field, json("{\"v\": " + value + "}").get("v"));

        ContractReader.apply(ORDER, 3, payload);

        codec.read(JobTypeInfo.of(PlaceOrder.class), 3, payload.toString(), PlaceOrder.class);
    }

    @Test
    void unknownFieldsAreLeftAlone() {
        ObjectNode payload = order();
        payload.put("addedByANewerRelease", "x");
        ((ObjectNode) payload.get("address")).putArray("lines").add("221B");
        String before = payload.toString();

        ContractReader.apply(ORDER, 3, payload);

        assertThat(payload.toString()).isEqualTo(before);
    }

    @Test
    void whatTheCodecWritesIsReadUnchanged() {
        PlaceOrder job = new PlaceOrder(1, new Address("Paris", "75001", "FR"), List.of(new Line("a", 2)),
                Map.of("a", 1), Optional.of("n"), OptionalInt.of(3), Plan.PRO, Instant.parse("2030-01-01T00:00:00Z"),
                UUID.randomUUID(), Duration.ofSeconds(90), Double.NaN, (byte) -3, 'z', new int[] {1, 2});
        ObjectNode written = json(codec.write(JobTypeInfo.of(PlaceOrder.class), job));
        String before = written.toString();

        ContractReader.apply(ORDER, 3, written);

        assertThat(written.toString()).isEqualTo(before);
    }

    @Test
    void aNullPayloadIsAPayloadError() {
        PayloadException e = Expect.thrown(PayloadException.class, () -> ContractReader.apply(ORDER, 3, null));

        assertThat(e.field()).isNull();
        assertThat(e.type()).isEqualTo("place-order");
    }

    private static ObjectNode order() {
        return json("{\"orderId\": 42, \"address\": {\"city\": \"Paris\", \"zip\": \"75001\", \"country\": \"FR\"},"
                + "\"lines\": [{\"sku\": \"a\", \"quantity\": 4}, {\"sku\": \"b\", \"quantity\": 2}],"
                + "\"counts\": {\"a\": 1}, \"note\": \"ring twice\", \"priority\": 5, \"plan\": \"PRO\","
                + "\"at\": \"2030-01-01T00:00:00Z\", \"id\": \"123e4567-e89b-12d3-a456-426614174000\","
                + "\"timeout\": \"PT1M\", \"ratio\": 0.5, \"small\": 1, \"letter\": \"x\", \"slots\": [1, 2]}");
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
