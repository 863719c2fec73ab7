package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Downcaster;
import dev.baton.Job;
import dev.baton.JobHandler;
import dev.baton.JobSettings;
import dev.baton.Upcaster;
import dev.baton.WritePolicy;
import dev.baton.contract.Contract;
import dev.baton.spi.ContractRecord;
import dev.baton.spi.NodeType;
import dev.baton.spi.ReadableRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a node says it reads (the fleet table) and what each queue worker claims, from a config built
 * directly: NodeTypes never touches the store, so the config has none.
 */
class NodeTypesTest {

    @Job(name = "user-confirmation", version = 4, queue = "mailers", aliases = "confirm-user")
    record UserConfirmation(long userId) {}

    @Job(name = "send-newsletter", queue = "mailers")
    record SendNewsletter(long issue) {}

    @Job(name = "resize-image", version = 2, queue = "images")
    record ResizeImage(long imageId) {}

    private static final JobHandler<Object> NOTHING = (job, context) -> {};
    private static final Upcaster UP = payload -> {};
    private static final Downcaster DOWN = payload -> {};

    private final Map<String, Integer> queues = new LinkedHashMap<>();
    private final Map<String, Registration<?>> registrations = new LinkedHashMap<>();
    private final Map<String, RetiredType> retired = new LinkedHashMap<>();

    private NodeTypesTest queue(String name) {
        queues.put(name, 1);
        return this;
    }

    private NodeTypesTest handle(Class<?> type, int... upcastFrom) {
        JobTypeInfo info = JobTypeInfo.of(type);
        Map<Integer, Upcaster> ups = new LinkedHashMap<>();
        for (int k : upcastFrom) {
            ups.put(k, UP);
        }
        TypeEvolution evolution = TypeEvolution.of(info, ups, Map.<Integer, Downcaster>of(), type.getSimpleName());
        registrations.put(info.name(), new Registration<>(info, Contract.of(type), NOTHING, null, JobSettings.defaults(),
                evolution));
        return this;
    }

    private NodeTypesTest retire(String name, String queue, String... aliases) {
        retired.put(name, new RetiredType(name, queue, List.of(aliases), null));
        return this;
    }

    private NodeTypes types(ContractRecord... history) {
        Duration second = Duration.ofSeconds(1);
        NodeConfig config = new NodeConfig(null, "2026.11.3", "node-a", "worker", Clock.systemUTC(), queues,
                registrations, retired, Map.of(), JobSettings.defaults(), WritePolicy.FLEET_COMPATIBLE, second, second,
                second, second, second, null, second, second, second, second, second, second, 1_000, second, false);
        return new NodeTypes(config, List.of(history));
    }

    private static ContractRecord contract(String type, int version, String queue) {
        return new ContractRecord(type, version, "fp-" + type + "-" + version + "-" + queue, queue, "{}", "2026.10.1",
                Instant.EPOCH);
    }

    @Test
    void aTypeReadsFromTheBottomOfItsUpcastersToItsCurrentVersion() {
        NodeTypes types = queue("mailers").handle(UserConfirmation.class, 2, 3).types();

        assertThat(types.types()).containsExactly(
                new NodeType("user-confirmation", List.of("confirm-user"), 2, 4, List.of("mailers"), false));
        assertThat(types.targetsOf("mailers")).containsExactly(new ClaimTarget("mailers", List.of(
                new ReadableRange("user-confirmation", 2, 4), new ReadableRange("confirm-user", 2, 4))));
    }

    @Test
    void aTypeWithoutUpcastersReadsOnlyItsCurrentVersion() {
        NodeTypes types = queue("images").handle(ResizeImage.class).types();

        assertThat(types.types()).containsExactly(new NodeType("resize-image", List.of(), 2, 2, List.of("images"), false));
        assertThat(types.targetsOf("images"))
                .containsExactly(new ClaimTarget("images", List.of(new ReadableRange("resize-image", 2, 2))));
    }

    @Test
    void typesOnOneQueueShareItsClaimAndOtherQueuesHaveTheirOwn() {
        NodeTypes types = queue("mailers").queue("images").handle(UserConfirmation.class, 3)
                .handle(SendNewsletter.class).handle(ResizeImage.class, 1).types();

        // NodeConfig copies its maps (Map.copyOf), so the order of two types on one queue is not defined.
        assertThat(types.targetsOf("mailers")).singleElement().satisfies(claim -> {
            assertThat(claim.queue()).isEqualTo("mailers");
            assertThat(claim.readable()).containsExactlyInAnyOrder(new ReadableRange("user-confirmation", 3, 4),
                    new ReadableRange("confirm-user", 3, 4), new ReadableRange("send-newsletter", 1, 1));
        });
        assertThat(types.targetsOf("images"))
                .containsExactly(new ClaimTarget("images", List.of(new ReadableRange("resize-image", 1, 2))));
        assertThat(types.targetsOf("elsewhere")).isEmpty();
    }

    @Test
    void olderQueuesFromTheContractHistoryAreClaimedAfterTheCurrentOne() {
        NodeTypes types = queue("mailers").handle(UserConfirmation.class).types(
                contract("user-confirmation", 2, "mail"),
                contract("confirm-user", 1, "legacy-mail"),
                contract("user-confirmation", 3, "mail"),
                contract("user-confirmation", 4, "mailers"),
                contract("resize-image", 1, "elsewhere"));

        assertThat(types.types()).containsExactly(new NodeType("user-confirmation", List.of("confirm-user"), 4, 4,
                List.of("mailers", "mail", "legacy-mail"), false));
        List<ReadableRange> reads = List.of(new ReadableRange("user-confirmation", 4, 4),
                new ReadableRange("confirm-user", 4, 4));
        assertThat(types.targetsOf("mailers")).containsExactly(new ClaimTarget("mailers", reads),
                new ClaimTarget("mail", reads), new ClaimTarget("legacy-mail", reads));
    }

    @Test
    void aRetiredTypeReadsEveryVersionAndIsMarkedRetired() {
        NodeTypes types = queue("mailers").handle(SendNewsletter.class).retire("cleanup-cache", "mailers", "purge-cache")
                .types(contract("cleanup-cache", 1, "maintenance"));

        assertThat(types.types()).containsExactly(
                new NodeType("send-newsletter", List.of(), 1, 1, List.of("mailers"), false),
                new NodeType("cleanup-cache", List.of("purge-cache"), 1, Integer.MAX_VALUE,
                        List.of("mailers", "maintenance"), true));
        assertThat(types.targetsOf("mailers")).containsExactly(
                new ClaimTarget("mailers", List.of(new ReadableRange("send-newsletter", 1, 1),
                        new ReadableRange("cleanup-cache", 1, Integer.MAX_VALUE),
                        new ReadableRange("purge-cache", 1, Integer.MAX_VALUE)), Set.of("cleanup-cache", "purge-cache")),
                new ClaimTarget("maintenance", List.of(new ReadableRange("cleanup-cache", 1, Integer.MAX_VALUE),
                        new ReadableRange("purge-cache", 1, Integer.MAX_VALUE)), Set.of("cleanup-cache", "purge-cache")));
        // The no-op reader leaves a type to any live node that has a real handler for it.
        assertThat(types.targetsOf("mailers").get(0).readableNow(Set.of("cleanup-cache")))
                .containsExactly(new ReadableRange("send-newsletter", 1, 1), new ReadableRange("purge-cache", 1, Integer.MAX_VALUE));
    }

    @Test
    void aProducerReadsNothing() {
        NodeTypes types = types();

        assertThat(types.types()).isEmpty();
        assertThat(types.targetsOf("default")).isEmpty();
    }

    @Test
    void theFleetEntriesAreACopy() {
        NodeTypes types = queue("images").handle(ResizeImage.class).types();

        assertThat(types.types()).isUnmodifiable();
    }
}
