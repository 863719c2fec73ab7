package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.spi.ContractRecord;
import dev.baton.spi.JobStore;
import dev.baton.spi.ConnectionState;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodePresence;
import dev.baton.spi.PresenceOpenParams;
import dev.baton.spi.NodeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for the fleet table and the contract history: nodes register, heartbeat, leave
 * and are pruned; contracts register idempotently, list in order, and two nodes can register the same
 * ones at once. A subclass supplies the store; {@link StoreConformanceBase} opens, migrates and empties it.
 */
public abstract class FleetStoreRegistryConformanceTest extends StoreConformanceBase {

    // ---- nodes

    @Test
    void registeredNodesRoundTripEqualAndReRegisteringReplaces() {
        NodeRecord worker = node("worker-1", "2030.1", T0, List.of(
                new NodeType("user-confirmation", List.of("confirm-user", "confirm"), 1, 3,
                        List.of("mailers", "default"), false),
                new NodeType("old-report", List.of(), 2, 2, List.of("reports"), true)));
        NodeRecord producer = new NodeRecord("producer-1", 0L, "2030.1", "web-7", "producer", List.of(), List.of(), T0, T0,
                ConnectionState.NOT_TRACKED);

        store.nodeRegister(worker);
        store.nodeRegister(producer);
        assertThat(store.nodeList()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("connection")
                .containsExactly(producer, worker);

        NodeRecord restarted = node("worker-1", "2030.2", T0.plusSeconds(60),
                List.of(new NodeType("user-confirmation", List.of(), 2, 4, List.of("mailers"), false)));
        store.nodeRegister(restarted);
        assertThat(store.nodeList()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("connection")
                .containsExactly(producer, restarted);
        assertThat(store.nodeList()).extracting(NodeRecord::connection)
                .as("no presence was ever taken for these runs").doesNotContain(ConnectionState.CONNECTED);
    }

    @Test
    void aNodeIsSeenGoneTheMomentItsRunsPresenceEnds() {
        NodePresence run = store.presenceOpen(new PresenceOpenParams("worker-1"));
        NodePresence other = store.presenceOpen(new PresenceOpenParams("worker-2"));
        assertThat(other.runId()).as("every run gets a fresh id").isNotEqualTo(run.runId());
        store.nodeRegister(new NodeRecord("worker-1", run.runId(), "2030.1", "h", "worker", List.of(), List.of(), T0, T0,
                ConnectionState.NOT_TRACKED));
        try {
            if (!run.tiedToConnection()) {
                assertThat(store.nodeList().get(0).connection()).isEqualTo(ConnectionState.NOT_TRACKED);
                System.err.println("SKIPPED: store " + store.name() + " does not tie runs to connections; liveness"
                        + " is heartbeats only");
                return;
            }
            assertThat(store.nodeList().get(0).connection()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(store.nodeList().get(0).liveAt(T0, java.time.Duration.ofSeconds(30))).isTrue();
            assertThat(run.refresh()).isTrue();

            run.close();

            NodeRecord gone = store.nodeList().get(0);
            assertThat(gone.connection()).isEqualTo(ConnectionState.GONE);
            assertThat(gone.liveAt(T0, java.time.Duration.ofSeconds(30)))
                    .as("a fresh heartbeat does not make a dead process live").isFalse();
        } finally {
            run.close();
            other.close();
        }
    }

    @Test
    void heartbeatTouchesOnlyThatNodeAndSaysWhenItIsGone() {
        NodeRecord a = node("a", "r1", T0, List.of());
        NodeRecord b = node("b", "r1", T0, List.of());
        store.nodeRegister(a);
        store.nodeRegister(b);

        assertThat(store.nodeHeartbeat("a", T0.plusSeconds(15))).isTrue();
        assertThat(store.nodeHeartbeat("unknown", T0.plusSeconds(15))).isFalse();

        assertThat(store.nodeList()).extracting(NodeRecord::id, NodeRecord::heartbeatAt).containsExactly(
                tuple("a", T0.plusSeconds(15)),
                tuple("b", T0));
        assertThat(store.nodeList().get(0).startedAt()).isEqualTo(T0);
    }

    @Test
    void removeDeletesTheNode() {
        store.nodeRegister(node("a", "r1", T0, List.of()));
        store.nodeRegister(node("b", "r1", T0, List.of()));

        store.nodeRemove("a");
        store.nodeRemove("never-registered");

        assertThat(store.nodeList()).extracting(NodeRecord::id).containsExactly("b");
        assertThat(store.nodeHeartbeat("a", T0.plusSeconds(1))).isFalse();
    }

    @Test
    void pruneRemovesNodesWhoseLastHeartbeatIsOlder() {
        store.nodeRegister(node("a", "r1", T0, List.of()));
        store.nodeRegister(node("b", "r1", T0, List.of()));
        store.nodeRegister(node("c", "r1", T0, List.of()));
        store.nodeHeartbeat("b", T0.plusSeconds(10));
        store.nodeHeartbeat("c", T0.plusSeconds(20));

        assertThat(store.nodePrune(T0.plusSeconds(10))).isEqualTo(1);
        assertThat(store.nodeList()).extracting(NodeRecord::id).containsExactly("b", "c");
        assertThat(store.nodePrune(T0.plusSeconds(10))).isZero();
        assertThat(store.nodePrune(T0.plusSeconds(21))).isEqualTo(2);
        assertThat(store.nodeList()).isEmpty();
    }

    // ---- contracts

    @Test
    void contractRegisterIsIdempotentAndKeepsTheFirstRelease() {
        ContractRecord v1 = contract("email", 1, "f1", "r1", T0);
        ContractRecord v2 = contract("email", 2, "f2", "r1", T0);
        store.contractRegister(List.of(v1, v2));

        ContractRecord v1Again = contract("email", 1, "f1", "r2", T0.plusSeconds(60));
        ContractRecord v2Changed = contract("email", 2, "f3", "r2", T0.plusSeconds(60));
        store.contractRegister(List.of(v2Changed, v1Again, v1Again));
        store.contractRegister(List.of());

        assertThat(store.contractList()).containsExactly(v1, v2, v2Changed);
    }

    @Test
    void contractListIsByTypeThenVersionThenRegistration() {
        ContractRecord b1 = contract("b-type", 1, "f1", "r1", T0);
        ContractRecord a2Late = contract("a-type", 2, "f1", "r2", T0.plusSeconds(60));
        ContractRecord a2Early = contract("a-type", 2, "f9", "r1", T0);
        ContractRecord a1 = contract("a-type", 1, "f5", "r3", T0.plusSeconds(120));
        store.contractRegister(List.of(b1, a2Late, a2Early, a1));

        assertThat(store.contractList()).containsExactly(a1, a2Early, a2Late, b1);
    }

    @Test
    void twoNodesRegisteringTheSameContractsAtOnceBothSucceed() throws Exception {
        List<ContractRecord> first = new ArrayList<>();
        List<ContractRecord> second = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(contract("type-" + (i % 8), 1 + i / 8, "f", "node-1", T0));
            second.add(contract("type-" + (i % 8), 1 + i / 8, "f", "node-2", T0));
        }
        // Opposite orders: each node would otherwise be waiting for a row the other has just inserted.
        Collections.reverse(second);
        try (JobStore other = fixture().openAnotherStore()) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> one = pool.submit((Callable<Void>) () -> {
                    start.await();
                    store.contractRegister(first);
                    return null;
                });
                Future<?> two = pool.submit((Callable<Void>) () -> {
                    start.await();
                    other.contractRegister(second);
                    return null;
                });
                one.get(30, TimeUnit.SECONDS);
                two.get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
        }
        List<ContractRecord> stored = store.contractList();
        assertThat(stored).hasSize(40);
        assertThat(stored).extracting(ContractRecord::release).allMatch(r -> r.equals("node-1") || r.equals("node-2"));
        assertThat(stored).extracting(c -> c.type() + "/" + c.version()).doesNotHaveDuplicates();
    }

    // ---- helpers

    private static NodeRecord node(String id, String release, Instant at, List<NodeType> types) {
        return new NodeRecord(id, 0L, release, "host-" + id, "worker", List.of("mailers", "default"), types, at, at,
                ConnectionState.NOT_TRACKED);
    }

    private static ContractRecord contract(String type, int version, String fingerprint, String release,
            Instant at) {
        String json = "{\"type\":\"" + type + "\",\"version\":" + version + ",\"fields\":{\"to\":"
                + "{\"json\":\"string\",\"required\":true}},\"note\":\"é\"}";
        return new ContractRecord(type, version, fingerprint, "default", json, release, at);
    }
}
