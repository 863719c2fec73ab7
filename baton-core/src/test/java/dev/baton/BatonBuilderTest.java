package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every check of the builder's setters and of build(); none of them may touch the store. */
class BatonBuilderTest {

    @Job(name = "send-mail", queue = "mailers")
    record SendMail(String to) {}

    @Job(name = "send-mail", queue = "mailers")
    record SendMailToo(String to) {}

    @Job(name = "resize-image", queue = "images")
    record ResizeImage(long imageId) {}

    record NotAJob(long id) {}

    private static final JobHandler<Object> NOTHING = (job, context) -> {};

    private final UntouchableStore store = new UntouchableStore();

    @AfterEach
    void storeWasNeverTouched() {
        assertThat(store.calls()).isEmpty();
    }

    /** A builder that builds: one queue and a handled type on it. Each test adds one mistake. */
    private BatonBuilder valid() {
        return Baton.builder().store(store.store()).queue("mailers", 4).handle(SendMail.class, NOTHING);
    }

    @Test
    void buildsWithoutTouchingTheStore() {
        Baton baton = valid().release("2026.11.3").nodeId("node-a").build();

        assertThat(baton.store()).isSameAs(store.store());
        assertThat(baton.release()).isEqualTo("2026.11.3");
        assertThat(baton.nodeId()).isEqualTo("node-a");
        assertThat(baton.runningCount()).isZero();
    }

    @Test
    void aNodeWithoutQueuesOnlyEnqueues() {
        assertThatCode(() -> Baton.builder().store(store.store()).build()).doesNotThrowAnyException();
    }

    @Test
    void theDefaultNodeIdIsHostPidAndRandom() {
        assertThat(valid().build().nodeId()).matches(".+-" + ProcessHandle.current().pid() + "-[0-9a-f]{6}");
    }

    @Test
    void aStoreIsRequired() {
        ConfigException e = rejected(() -> Baton.builder().queue("mailers", 4).handle(SendMail.class, NOTHING).build());

        assertThat(e.option()).isEqualTo("store");
        assertThat(e.getMessage()).startsWith("store was not set; it is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Mailers", "mail queue"})
    void rejectsAnInvalidQueueName(String name) {
        ConfigException e = rejected(() -> Baton.builder().queue(name, 4));

        assertThat(e.option()).isEqualTo("queue");
        assertThat(e.value()).isEqualTo("\"" + name + "\"");
    }

    @Test
    void anInvalidQueueNameGetsASuggestion() {
        assertThat(rejected(() -> Baton.builder().queue("MailQueue", 4)).getMessage()).contains("\"mail-queue\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1_001, Integer.MAX_VALUE})
    void concurrencyIsFromOneToAThousand(int concurrency) {
        ConfigException e = rejected(() -> Baton.builder().queue("mailers", concurrency));

        assertThat(e.option()).isEqualTo("queue(\"mailers\").concurrency");
        assertThat(e.value()).isEqualTo(String.valueOf(concurrency));
        assertThat(e.getMessage()).contains("between 1 and 1000");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1_000})
    void concurrencyMayBeOneOrAThousand(int concurrency) {
        assertThatCode(() -> Baton.builder().store(store.store()).queue("mailers", concurrency).handle(SendMail.class, NOTHING)
                .build()).doesNotThrowAnyException();
    }

    @Test
    void aQueueIsDeclaredOnce() {
        ConfigException e = rejected(() -> valid().queue("mailers", 8));

        assertThat(e.option()).isEqualTo("queue(\"mailers\")");
        assertThat(e.value()).isEqualTo("8");
        assertThat(e.getMessage()).contains("already set to concurrency 4").contains("declare each queue once");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settersGivenTwice")
    void eachOptionIsSetOnce(String option, UnaryOperator<BatonBuilder> set) {
        BatonBuilder builder = set.apply(Baton.builder());

        ConfigException e = rejected(() -> set.apply(builder));

        assertThat(e.option()).isEqualTo(option);
        assertThat(e.getMessage()).contains("already set").contains("set each option once");
    }

    static Stream<Arguments> settersGivenTwice() {
        Duration second = Duration.ofSeconds(1);
        return Stream.of(
                setter("store", b -> b.store(new UntouchableStore().store())),
                setter("release", b -> b.release("2026.11.3")),
                setter("nodeId", b -> b.nodeId("node-a")),
                setter("clock", b -> b.clock(Clock.systemUTC())),
                setter("defaults", b -> b.defaults(JobSettings.defaults())),
                setter("pollInterval", b -> b.pollInterval(second)),
                setter("leaseDuration", b -> b.leaseDuration(second)),
                setter("heartbeatInterval", b -> b.heartbeatInterval(second)),
                setter("rescueInterval", b -> b.rescueInterval(second)),
                setter("completedRetention", b -> b.completedRetention(second)),
                setter("deadRetention", b -> b.deadRetention(second)),
                setter("pruneInterval", b -> b.pruneInterval(second)),
                setter("shutdownTimeout", b -> b.shutdownTimeout(second)));
    }

    private static Arguments setter(String option, UnaryOperator<BatonBuilder> set) {
        return Arguments.of(option, set);
    }

    @Test
    void aTypeIsHandledOnce() {
        ConfigException e = rejected(() -> valid().handle(SendMail.class, NOTHING));

        assertThat(e.option()).isEqualTo("handle(SendMail.class)");
        assertThat(e.value()).isEqualTo("\"send-mail\"");
        assertThat(e.getMessage()).contains("register each type once");
    }

    @Test
    void twoRecordsCannotShareAJobName() {
        DuplicateJobTypeException e = Expect.thrown(DuplicateJobTypeException.class,
                () -> valid().handle(SendMailToo.class, NOTHING));

        assertThat(e.type()).isEqualTo("send-mail");
        assertThat(e.first()).isEqualTo(SendMail.class);
        assertThat(e.second()).isEqualTo(SendMailToo.class);
        assertThat(e.getMessage())
                .contains(SendMail.class.getName())
                .contains(SendMailToo.class.getName())
                .contains("@Job(name = ...)");
    }

    @Test
    void handleNeedsATypeAndAHandler() {
        assertThat(rejected(() -> Baton.builder().handle(null, NOTHING)).option()).isEqualTo("handle");
        assertThat(rejected(() -> Baton.builder().handle(SendMail.class, null)).option()).isEqualTo("handle");
    }

    @Test
    void handleRejectsAClassThatIsNotAJob() {
        JobDefinitionException e = Expect.thrown(JobDefinitionException.class,
                () -> Baton.builder().handle(NotAJob.class, NOTHING));

        assertThat(e.jobClass()).isEqualTo(NotAJob.class);
    }

    @Test
    void aHandledTypeNeedsItsQueueServed() {
        ConfigException e = rejected(() -> Baton.builder().store(store.store()).handle(SendMail.class, NOTHING).build());

        assertThat(e.option()).isEqualTo("queue");
        assertThat(e.value()).isEqualTo("\"mailers\"");
        assertThat(e.getMessage()).contains("send-mail").contains(".queue(\"mailers\", concurrency)");
    }

    @Test
    void aServedQueueNeedsAHandledType() {
        ConfigException e = rejected(() -> valid().queue("images", 2).build());

        assertThat(e.option()).isEqualTo("queue");
        assertThat(e.value()).isEqualTo("\"images\"");
        assertThat(e.getMessage()).contains("no job type this node handles runs on it");
        assertThatCode(() -> valid().queue("images", 2).handle(ResizeImage.class, NOTHING).build())
                .doesNotThrowAnyException();
    }

    @Test
    void theHeartbeatIsUnderHalfTheLease() {
        ConfigException e = rejected(() -> valid().leaseDuration(Duration.ofSeconds(10))
                .heartbeatInterval(Duration.ofSeconds(5)).build());

        assertThat(e.option()).isEqualTo("heartbeatInterval");
        assertThat(e.value()).isEqualTo("PT5S");
        assertThat(e.getMessage()).contains("less than half of leaseDuration (PT10S)");
        assertThatCode(() -> valid().leaseDuration(Duration.ofSeconds(10)).heartbeatInterval(Duration.ofMillis(4_999))
                .build()).doesNotThrowAnyException();
    }

    @Test
    void theHeartbeatIsCheckedAgainstTheDefaultLease() {
        assertThat(rejected(() -> valid().heartbeatInterval(Duration.ofSeconds(15)).build()).option())
                .isEqualTo("heartbeatInterval");
    }

    @Test
    void theShortestLeaseBuildsWithItsDefaultHeartbeat() {
        assertThatCode(() -> valid().leaseDuration(Duration.ofMillis(100)).build()).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("durationsTooShort")
    void durationsHaveAMinimum(String option, UnaryOperator<BatonBuilder> set, Duration tooShort, Duration minimum) {
        ConfigException e = rejected(() -> set.apply(valid()).build());

        assertThat(e.option()).isEqualTo(option);
        assertThat(e.value()).isEqualTo(tooShort.toString());
        assertThat(e.getMessage()).isEqualTo(option + " was " + tooShort + "; it must be at least " + minimum);
    }

    static Stream<Arguments> durationsTooShort() {
        Duration ms9 = Duration.ofMillis(9);
        Duration ms10 = Duration.ofMillis(10);
        Duration negative = Duration.ofSeconds(-1);
        return Stream.of(
                tooShort("pollInterval", b -> b.pollInterval(ms9), ms9, ms10),
                tooShort("pollInterval", b -> b.pollInterval(Duration.ZERO), Duration.ZERO, ms10),
                tooShort("pollInterval", b -> b.pollInterval(negative), negative, ms10),
                tooShort("leaseDuration", b -> b.leaseDuration(Duration.ofMillis(99)), Duration.ofMillis(99),
                        Duration.ofMillis(100)),
                tooShort("heartbeatInterval", b -> b.heartbeatInterval(ms9), ms9, ms10),
                tooShort("rescueInterval", b -> b.rescueInterval(ms9), ms9, ms10),
                tooShort("pruneInterval", b -> b.pruneInterval(ms9), ms9, ms10));
    }

    private static Arguments tooShort(String option, UnaryOperator<BatonBuilder> set, Duration value, Duration minimum) {
        return Arguments.of(option, set, value, minimum);
    }

    @Test
    void theShortestPollIsTenMilliseconds() {
        assertThatCode(() -> valid().pollInterval(Duration.ofMillis(10)).build()).doesNotThrowAnyException();
    }

    @Test
    void completedRetentionIsZeroOrPositive() {
        ConfigException e = rejected(() -> valid().completedRetention(Duration.ofMillis(-1)).build());

        assertThat(e.option()).isEqualTo("completedRetention");
        assertThat(e.value()).isEqualTo("PT-0.001S");
        assertThatCode(() -> valid().completedRetention(Duration.ZERO).build()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void deadRetentionIsPositiveWhenSet(long millis) {
        ConfigException e = rejected(() -> valid().deadRetention(Duration.ofMillis(millis)).build());

        assertThat(e.option()).isEqualTo("deadRetention");
        assertThat(e.getMessage()).contains("leave it unset to keep dead jobs");
        assertThatCode(() -> valid().deadRetention(Duration.ofMillis(1)).build()).doesNotThrowAnyException();
    }

    @Test
    void shutdownTimeoutIsZeroOrPositive() {
        assertThat(rejected(() -> valid().shutdownTimeout(Duration.ofMillis(-1)).build()).option())
                .isEqualTo("shutdownTimeout");
        assertThatCode(() -> valid().shutdownTimeout(Duration.ZERO).build()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 101})
    void releaseIsNonBlankAndAtMostOneHundredCharacters(int length) {
        String release = length == 101 ? "r".repeat(101) : " ".repeat(length);

        ConfigException e = rejected(() -> valid().release(release).build());

        assertThat(e.option()).isEqualTo("release");
        assertThat(e.value()).isEqualTo("\"" + release + "\"");
        assertThat(valid().release("r".repeat(100)).build().release()).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 201})
    void nodeIdIsNonBlankAndAtMostTwoHundredCharacters(int length) {
        String nodeId = length == 201 ? "n".repeat(201) : " ".repeat(length);

        assertThat(rejected(() -> valid().nodeId(nodeId).build()).option()).isEqualTo("nodeId");
        assertThat(valid().nodeId("n".repeat(200)).build().nodeId()).hasSize(200);
    }

    private static ConfigException rejected(ThrowingCallable call) {
        return Expect.thrown(ConfigException.class, call);
    }
}
