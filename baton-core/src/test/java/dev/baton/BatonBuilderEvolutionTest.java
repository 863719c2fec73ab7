package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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

/** The builder's checks of upcasters, downcasters and retired types; none of them may touch the store. */
class BatonBuilderEvolutionTest {

    @Job(name = "user-confirmation", version = 4, queue = "mailers", aliases = "confirm-user")
    record UserConfirmation(long userId, String message) {}

    @Job(name = "user-confirmation", version = 4, queue = "mailers")
    record UserConfirmationToo(long userId) {}

    @Retired(reason = "the cache is gone")
    @Job(name = "cleanup-cache", queue = "maintenance")
    record CleanupCache() {}

    @Job(name = "sync-profile", queue = "mailers")
    record SyncProfile(long userId) {}

    record NotAJob(long id) {}

    private static final JobHandler<Object> NOTHING = (job, context) -> {};
    private static final Upcaster UP = payload -> {};
    private static final Downcaster DOWN = payload -> {};

    private final UntouchableStore store = new UntouchableStore();

    @AfterEach
    void storeWasNeverTouched() {
        assertThat(store.calls()).isEmpty();
    }

    /** A node that runs user-confirmation v4 on mailers. */
    private BatonBuilder valid() {
        return Baton.builder().store(store.store()).queue("mailers", 4).handle(UserConfirmation.class, NOTHING);
    }

    private static ConfigException rejected(ThrowingCallable call) {
        return Expect.thrown(ConfigException.class, call);
    }

    // casters

    @Test
    void aHandledTypeWithFullChainsBuilds() {
        assertThatCode(() -> valid()
                .upcast(UserConfirmation.class, 1, UP).upcast(UserConfirmation.class, 2, UP)
                .upcast(UserConfirmation.class, 3, UP)
                .downcast(UserConfirmation.class, 4, DOWN).downcast(UserConfirmation.class, 3, DOWN)
                .build()).doesNotThrowAnyException();
    }

    @Test
    void castersOfATypeThisNodeOnlyEnqueuesBuild() {
        assertThatCode(() -> Baton.builder().store(store.store())
                .downcast(UserConfirmation.class, 4, DOWN).build()).doesNotThrowAnyException();
    }

    @Test
    void anUpcasterIsRegisteredOncePerVersion() {
        ConfigException e = rejected(() -> valid().upcast(UserConfirmation.class, 3, UP).upcast(UserConfirmation.class, 3, UP));

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, 3)");
        assertThat(e.value()).isEqualTo("3");
        assertThat(e.getMessage()).isEqualTo("upcast(UserConfirmation.class, 3) was 3; this upcaster was already "
                + "registered; register each once");
    }

    @Test
    void aDowncasterIsRegisteredOncePerVersion() {
        ConfigException e = rejected(() -> valid().downcast(UserConfirmation.class, 4, DOWN)
                .downcast(UserConfirmation.class, 4, DOWN));

        assertThat(e.option()).isEqualTo("downcast(UserConfirmation.class, 4)");
        assertThat(e.value()).isEqualTo("4");
        assertThat(e.getMessage()).contains("this downcaster was already registered");
    }

    @Test
    void anUpcasterAndADowncasterFromTheSameVersionAreDifferentCasters() {
        assertThatCode(() -> valid().upcast(UserConfirmation.class, 3, UP).downcast(UserConfirmation.class, 4, DOWN)
                .downcast(UserConfirmation.class, 3, DOWN).build()).doesNotThrowAnyException();
    }

    @Test
    void castersNeedATypeAVersionAndAFunction() {
        assertThat(rejected(() -> Baton.builder().upcast(null, 1, UP)).option()).isEqualTo("upcast(null, 1)");
        assertThat(rejected(() -> Baton.builder().upcast(UserConfirmation.class, 1, null)).option())
                .isEqualTo("upcast(UserConfirmation.class, 1)");
        assertThat(rejected(() -> Baton.builder().downcast(null, 2, DOWN)).option()).isEqualTo("downcast(null, 2)");
        assertThat(rejected(() -> Baton.builder().downcast(UserConfirmation.class, 2, null)).option())
                .isEqualTo("downcast(UserConfirmation.class, 2)");
    }

    @Test
    void castersOfAClassWithoutJobAreRefusedAtOnce() {
        JobDefinitionException up = Expect.thrown(JobDefinitionException.class,
                () -> Baton.builder().upcast(NotAJob.class, 1, UP));
        JobDefinitionException down = Expect.thrown(JobDefinitionException.class,
                () -> Baton.builder().downcast(NotAJob.class, 2, DOWN));

        assertThat(up.jobClass()).isEqualTo(NotAJob.class);
        assertThat(up.getMessage()).contains("has no @Job annotation");
        assertThat(down.jobClass()).isEqualTo(NotAJob.class);
    }

    @Test
    void castersOnTwoRecordsOfOneJobNameAreRefused() {
        ConfigException e = rejected(() -> Baton.builder().store(store.store())
                .upcast(UserConfirmation.class, 3, UP).downcast(UserConfirmationToo.class, 4, DOWN).build());

        assertThat(e.option()).isEqualTo("upcast/downcast");
        assertThat(e.value()).isEqualTo("\"UserConfirmationToo\"");
        assertThat(e.getMessage()).contains("casters for job type user-confirmation are registered on two record classes")
                .contains("register them on the record of the current version");
    }

    @Test
    void castersOnAnotherRecordThanTheHandledOneAreRefused() {
        // Which exception names the clash (DuplicateJobTypeException or ConfigException "upcast/downcast")
        // depends on the order build() looks at the classes in; either way both records are named.
        BatonException e = Expect.thrown(BatonException.class,
                () -> valid().upcast(UserConfirmationToo.class, 3, UP).build());

        assertThat(e).isInstanceOfAny(DuplicateJobTypeException.class, ConfigException.class);
        assertThat(e.getMessage()).contains("user-confirmation").contains("UserConfirmationToo");
    }

    @Test
    void aGapInAChainFailsTheBuild() {
        ConfigException e = rejected(() -> valid().upcast(UserConfirmation.class, 1, UP)
                .upcast(UserConfirmation.class, 3, UP).build());

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, 2)");
        assertThat(e.getMessage()).contains("gap at v2 -> v3").contains("add .upcast(UserConfirmation.class, 2, ...)");
    }

    @Test
    void aDowncasterChainNotStartingAtTheCurrentVersionFailsTheBuild() {
        ConfigException e = rejected(() -> valid().downcast(UserConfirmation.class, 3, DOWN).build());

        assertThat(e.option()).isEqualTo("downcast(UserConfirmation.class, 4)");
        assertThat(e.getMessage()).contains("gap at v4 -> v3");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 5})
    void anUpcasterOutsideTheVersionsFailsTheBuild(int from) {
        ConfigException e = rejected(() -> valid().upcast(UserConfirmation.class, from, UP).build());

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, " + from + ")");
        assertThat(e.value()).isEqualTo(String.valueOf(from));
        assertThat(e.getMessage()).contains("between 1 and 3 for user-confirmation at v4");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void aDowncasterOutsideTheVersionsFailsTheBuild(int from) {
        ConfigException e = rejected(() -> valid().downcast(UserConfirmation.class, from, DOWN).build());

        assertThat(e.option()).isEqualTo("downcast(UserConfirmation.class, " + from + ")");
        assertThat(e.getMessage()).contains("between 2 and 4 for user-confirmation at v4");
    }

    // retired types

    @Test
    void aRetiredRecordIsRegisteredWithRetire() {
        assertThatCode(() -> Baton.builder().store(store.store()).queue("maintenance", 1).retire(CleanupCache.class)
                .build()).doesNotThrowAnyException();
    }

    @Test
    void anyJobRecordCanBeRetired() {
        assertThatCode(() -> Baton.builder().store(store.store()).queue("mailers", 1).retire(SyncProfile.class)
                .build()).doesNotThrowAnyException();
    }

    @Test
    void aTypeWhoseRecordIsGoneIsRetiredByName() {
        assertThatCode(() -> valid().retire("cleanup-cache", "mailers").build()).doesNotThrowAnyException();
    }

    @Test
    void retireOfAClassWithoutJobIsRefused() {
        JobDefinitionException e = Expect.thrown(JobDefinitionException.class,
                () -> Baton.builder().retire(NotAJob.class));

        assertThat(e.jobClass()).isEqualTo(NotAJob.class);
    }

    @Test
    void aRetiredRecordMayKeepItsHandlerUntilDrained() {
        Baton node = Baton.builder().store(store.store()).queue("maintenance", 1).handle(CleanupCache.class, NOTHING)
                .build();

        assertThat(node).isNotNull();
    }

    @Test
    void aTypeIsNotBothHandledAndRetired() {
        ConfigException e = rejected(() -> valid().retire("user-confirmation", "mailers").build());

        assertThat(e.option()).isEqualTo("retire");
        assertThat(e.value()).isEqualTo("\"user-confirmation\"");
        assertThat(e.getMessage()).contains("job type user-confirmation is both handled and retired on this node")
                .contains("drop its handler or the retirement");
    }

    @Test
    void aRetiredNameMayNotBeAnAliasOfAHandledType() {
        ConfigException e = rejected(() -> valid().retire("confirm-user", "mailers").build());

        assertThat(e.option()).isEqualTo("retire");
        assertThat(e.value()).isEqualTo("\"confirm-user\"");
    }

    @Test
    void aHandledRecordIsNotAlsoRetiredByClass() {
        ConfigException e = rejected(() -> valid().retire(UserConfirmation.class).build());

        assertThat(e.option()).isEqualTo("retire");
        assertThat(e.value()).isEqualTo("\"user-confirmation\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CleanupCache", "cleanup cache"})
    void retireByNameChecksTheName(String name) {
        ConfigException e = rejected(() -> Baton.builder().retire(name, "default"));

        assertThat(e.option()).isEqualTo("retire");
        assertThat(e.value()).isEqualTo("\"" + name + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Maintenance", "main tenance"})
    void retireByNameChecksTheQueue(String queue) {
        ConfigException e = rejected(() -> Baton.builder().retire("cleanup-cache", queue));

        assertThat(e.option()).isEqualTo("retire(\"cleanup-cache\").queue");
        assertThat(e.value()).isEqualTo("\"" + queue + "\"");
    }

    @Test
    void aRetiredTypeNeedsItsQueueServed() {
        ConfigException e = rejected(() -> valid().retire(CleanupCache.class).build());

        assertThat(e.option()).isEqualTo("queue");
        assertThat(e.value()).isEqualTo("\"maintenance\"");
        assertThat(e.getMessage()).contains("retired job type cleanup-cache runs on queue \"maintenance\"")
                .contains(".queue(\"maintenance\", concurrency)");
    }

    @Test
    void aTypeIsRetiredOnce() {
        ConfigException byName = rejected(() -> Baton.builder().retire("cleanup-cache", "maintenance")
                .retire("cleanup-cache", "maintenance"));
        ConfigException byClass = rejected(() -> Baton.builder().retire("cleanup-cache", "maintenance")
                .retire(CleanupCache.class));

        assertThat(byName.option()).isEqualTo("retire(\"cleanup-cache\")");
        assertThat(byName.getMessage()).contains("already retired; retire it once");
        assertThat(byClass.option()).isEqualTo("retire(CleanupCache.class)");
    }

    // fleet settings

    @Test
    void theNodeTtlIsAtLeastTwiceTheHeartbeat() {
        ConfigException e = rejected(() -> valid().nodeTtl(Duration.ofMillis(19_999)).build());

        assertThat(e.option()).isEqualTo("nodeTtl");
        assertThat(e.value()).isEqualTo("PT19.999S");
        assertThat(e.getMessage()).contains("at least twice heartbeatInterval (PT10S)");
        assertThatCode(() -> valid().nodeTtl(Duration.ofSeconds(20)).build()).doesNotThrowAnyException();
    }

    @Test
    void theNodeTtlIsCheckedAgainstAGivenHeartbeat() {
        ConfigException e = rejected(() -> valid().heartbeatInterval(Duration.ofSeconds(1))
                .nodeTtl(Duration.ofMillis(1_999)).build());

        assertThat(e.option()).isEqualTo("nodeTtl");
        assertThat(e.getMessage()).contains("(PT1S)");
        assertThatCode(() -> valid().heartbeatInterval(Duration.ofSeconds(1)).nodeTtl(Duration.ofSeconds(2)).build())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fleetSettersGivenTwice")
    void eachFleetOptionIsSetOnce(String option, UnaryOperator<BatonBuilder> set) {
        BatonBuilder builder = set.apply(Baton.builder());

        ConfigException e = rejected(() -> set.apply(builder));

        assertThat(e.option()).isEqualTo(option);
        assertThat(e.getMessage()).contains("already set").contains("set each option once");
    }

    static Stream<Arguments> fleetSettersGivenTwice() {
        Duration minute = Duration.ofMinutes(1);
        return Stream.of(
                Arguments.of("writePolicy", (UnaryOperator<BatonBuilder>) b -> b.writePolicy(WritePolicy.CURRENT)),
                Arguments.of("role", (UnaryOperator<BatonBuilder>) b -> b.role("web")),
                Arguments.of("nodeTtl", (UnaryOperator<BatonBuilder>) b -> b.nodeTtl(minute)),
                Arguments.of("fleetRefreshInterval", (UnaryOperator<BatonBuilder>) b -> b.fleetRefreshInterval(minute)),
                Arguments.of("parkDelay", (UnaryOperator<BatonBuilder>) b -> b.parkDelay(minute)));
    }

    @Test
    void theWritePolicyIsSetOnceEvenToTheSameValue() {
        ConfigException e = rejected(() -> Baton.builder().writePolicy(WritePolicy.FLEET_COMPATIBLE)
                .writePolicy(WritePolicy.REQUIRE_CAPABLE_WORKER));

        assertThat(e.option()).isEqualTo("writePolicy");
        assertThat(e.value()).isEqualTo("REQUIRE_CAPABLE_WORKER");
        assertThat(e.getMessage()).contains("already set to FLEET_COMPATIBLE");
    }
}
