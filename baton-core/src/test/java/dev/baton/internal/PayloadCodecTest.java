package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Expect;
import dev.baton.PayloadException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadCodecTest {

    enum Plan { FREE, PRO }

    record Address(String city, int zip) {}

    record Signup(long userId, String email, LocalDate birthday, Instant at, Optional<String> referrer,
            List<String> tags, Address address, Plan plan) {}

    record Holder(String name, Object value) {}

    private static final JobTypeInfo SIGNUP = new JobTypeInfo("signup", 3, "default", Signup.class);
    private static final JobTypeInfo HOLDER = new JobTypeInfo("holder", 2, "default", Holder.class);
    private static final Signup ADA = new Signup(42, "ada@example.com", LocalDate.of(1815, 12, 10),
            Instant.parse("2030-01-01T12:00:00.123456Z"), Optional.of("friend"), List.of("beta", "eu"),
            new Address("London", 10115), Plan.PRO);

    private final PayloadCodec codec = new PayloadCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRecordRoundTrips() {
        assertThat(roundTrip(ADA)).isEqualTo(ADA);
    }

    @Test
    void emptyOptionalsNullsAndEmptyListsRoundTrip() {
        Signup sparse = new Signup(0, null, null, null, Optional.empty(), List.of(), null, null);

        assertThat(roundTrip(sparse)).isEqualTo(sparse);
    }

    @Test
    void thePayloadIsTheComponentsAsPlainJson() throws JsonProcessingException {
        String payload = codec.write(SIGNUP, ADA);

        assertThat(payload).doesNotContain("dev.baton").doesNotContain("@class").doesNotContain("Signup");
        JsonNode tree = json.readTree(payload);
        assertThat(tree.isObject()).isTrue();
        assertThat(tree.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("userId", "email", "birthday", "at", "referrer", "tags", "address", "plan");
        assertThat(tree.get("userId").isIntegralNumber()).isTrue();
        assertThat(tree.get("birthday").textValue()).isEqualTo("1815-12-10");
        assertThat(tree.get("at").textValue()).isEqualTo("2030-01-01T12:00:00.123456Z");
        assertThat(tree.get("referrer").textValue()).isEqualTo("friend");
        assertThat(tree.get("plan").textValue()).isEqualTo("PRO");
        assertThat(tree.get("address").get("city").textValue()).isEqualTo("London");
    }

    @Test
    void unknownFieldsAreIgnoredOnRead() throws JsonProcessingException {
        ObjectNode tree = (ObjectNode) json.readTree(codec.write(SIGNUP, ADA));
        tree.put("addedByANewerRelease", "x");
        ((ObjectNode) tree.get("address")).putArray("lines").add("221B");

        assertThat(codec.read(SIGNUP, 3, json.writeValueAsString(tree), Signup.class)).isEqualTo(ADA);
    }

    @Test
    void aValueWithoutPropertiesCannotBeWritten() {
        PayloadException e = Expect.thrown(PayloadException.class,
                () -> codec.write(HOLDER, new Holder("x", new Object())));

        assertThat(e.type()).isEqualTo("holder");
        assertThat(e.version()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("value");
        assertThat(e.getMessage())
                .startsWith("job holder v2, field \"value\": cannot be written as JSON")
                .contains("job arguments should be plain data");
        assertThat(e.getCause()).isNotNull();
    }

    /**
     * Jackson would write any object with getters as a bean (a Thread becomes 20 KB of JSON with class
     * names). The codec cannot tell plain data from a bean at run time; the contract can, from the
     * record's declared types: a component of type Object is refused when the type is defined.
     */
    @Test
    void aComponentThatIsNotPlainDataIsRefusedByTheContract() {
        @dev.baton.Job(name = "holder", version = 2)
        record Holder2(String name, Object value) {}

        dev.baton.JobDefinitionException e = Expect.thrown(dev.baton.JobDefinitionException.class,
                () -> dev.baton.contract.Contract.of(Holder2.class));

        assertThat(e.getMessage()).contains("value").contains("Object");
    }

    @Test
    void aWrongJsonTypeNamesTheField() {
        PayloadException e = Expect.thrown(PayloadException.class,
                () -> codec.read(SIGNUP, 2, "{\"userId\": \"abc\"}", Signup.class));

        assertThat(e.field()).isEqualTo("userId");
        assertThat(e.type()).isEqualTo("signup");
        assertThat(e.version()).as("the stored version, not the current one").isEqualTo(2);
        assertThat(e.getMessage()).startsWith("job signup v2, field \"userId\": cannot be read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFields")
    void anUnreadableFieldIsNamedByItsPath(String payload, String field) {
        PayloadException e = Expect.thrown(PayloadException.class, () -> codec.read(SIGNUP, 3, payload, Signup.class));

        assertThat(e.field()).isEqualTo(field);
    }

    static Stream<Arguments> unreadableFields() {
        return Stream.of(
                Arguments.of("{\"userId\": 1e30}", "userId"),
                Arguments.of("{\"address\": {\"zip\": \"abc\"}}", "address.zip"),
                Arguments.of("{\"tags\": [\"a\", {}]}", "tags[1]"),
                Arguments.of("{\"plan\": \"GOLD\"}", "plan"),
                Arguments.of("{\"at\": \"yesterday\"}", "at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userId\": 1,", "not json", "", "[]", "42"})
    void aPayloadThatIsNotAJsonObjectCannotBeRead(String payload) {
        PayloadException e = Expect.thrown(PayloadException.class, () -> codec.read(SIGNUP, 3, payload, Signup.class));

        assertThat(e.type()).isEqualTo("signup");
        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).startsWith("job signup v3: ");
    }

    /**
     * The JSON literal {@code null} reads as a null job: the handler gets null and fails on every attempt,
     * where an unreadable payload should go dead at once (JobRunner catches PayloadException for that).
     * write() already refuses anything that is not a JSON object; read() should too.
     */
    @Test
    void theJsonNullIsNotAPayload() {
        PayloadException e = Expect.thrown(PayloadException.class, () -> codec.read(SIGNUP, 3, "null", Signup.class));

        assertThat(e.type()).isEqualTo("signup");
    }

    @Test
    void writingNullIsRefused() {
        assertThat(Expect.thrown(PayloadException.class, () -> codec.write(SIGNUP, null)).getMessage())
                .contains("did not serialize to a JSON object");
    }

    private Signup roundTrip(Signup signup) {
        return codec.read(SIGNUP, SIGNUP.version(), codec.write(SIGNUP, signup), Signup.class);
    }
}
