package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static dev.baton.storetest.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.baton.spi.ArchiveRestoreParams;
import dev.baton.spi.ArchivedJob;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.ContractRecord;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobMoveQueueParams;
import dev.baton.spi.JobParkParams;
import dev.baton.spi.JobPurgeParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobRewriteParams;
import dev.baton.spi.JobState;
import dev.baton.spi.JobStore;
import dev.baton.spi.NewJob;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodeType;
import dev.baton.spi.ReadableRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for what the version-safety features need from a store: parking a job this node
 * cannot read, purging a type to the archive and restoring it, moving queues, the fleet table and the
 * contract history. A subclass supplies the store; {@link StoreConformanceBase} opens, migrates and empties it.
 */
public abstract class FleetStoreConformanceTest extends StoreConformanceBase {

    // ---- rewrite

    @Test
    void rewriteChangesTheStoredFormOfWaitingJobsOnly() {
        long waiting = insert(job("email").version(2).payload("{\"to\":\"a\",\"date\":\"2017-12-24\"}").build()).get(0);
        long retrying = insert(job("email").version(2).payload("{\"to\":\"b\"}").build()).get(0);
        ClaimedJob failed = start(job("email").version(2).payload("{\"to\":\"b\"}"));
        store.jobRetry(new JobRetryParams(failed.id(), 1, T0, "boom", T0));
        ClaimedJob running = start(job("email").version(2).payload("{\"to\":\"c\"}"));
        long otherVersion = insert(job("email").version(1).payload("{\"to\":\"d\"}").build()).get(0);

        int rewritten = store.jobRewrite(new JobRewriteParams("email", 2, 10, (id, payload) ->
                new JobRewriteParams.Rewritten("email-v1", 1, "mail", payload.replace(",\"date\":\"2017-12-24\"", ""))));

        assertThat(rewritten).isEqualTo(3);
        JobRecord first = get(waiting);
        assertThat(first.type()).isEqualTo("email-v1");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.queue()).isEqualTo("mail");
        assertThat(first.payload()).isEqualTo("{\"to\":\"a\"}");
        assertThat(first.state()).isEqualTo(JobState.WAITING);
        assertThat(get(retrying).version()).isEqualTo(1);
        assertThat(get(failed.id()).version()).isEqualTo(1);
        assertThat(get(failed.id()).state()).isEqualTo(JobState.RETRYING);
        assertThat(get(running.id()).version()).as("running jobs are left alone").isEqualTo(2);
        assertThat(get(otherVersion).type()).isEqualTo("email");
    }

    @Test
    void rewriteRespectsTheLimitAndLeavesRowsTheRewriterDeclines() {
        List<Long> ids = insert(job("email").version(2).build(), job("email").version(2).build(),
                job("email").version(2).build(), job("email").version(2).build());

        int first = store.jobRewrite(new JobRewriteParams("email", 2, 2, (id, payload) -> id == ids.get(0)
                ? null : new JobRewriteParams.Rewritten("email", 1, "default", payload)));
        int second = store.jobRewrite(new JobRewriteParams("email", 2, 10, (id, payload) -> {
            if (id == ids.get(2)) {
                throw new IllegalStateException("a downcaster bug");
            }
            return new JobRewriteParams.Rewritten("email", 1, "default", payload);
        }));

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(ids).extracting(id -> get(id).version()).containsExactly(1, 1, 2, 1);
    }

    // ---- park

    @Test
    void parkHandsTheJobBackWithoutCountingTheRun() {
        ClaimedJob running = start(job("email").maxAttempts(1));
        Instant later = T0.plusSeconds(60);

        assertThat(store.jobPark(new JobParkParams(running.id(), 1, later, "needs email v1..3, reads v1..2")))
                .isTrue();

        JobRecord parked = get(running.id());
        assertThat(parked.state()).isEqualTo(JobState.WAITING);
        assertThat(parked.attempt()).isZero();
        assertThat(parked.runAt()).isEqualTo(later);
        assertThat(parked.lastError()).isEqualTo("needs email v1..3, reads v1..2");
        assertThat(parked.leaseOwner()).isNull();
        assertThat(parked.leaseExpiresAt()).isNull();

        assertThat(claimIds(running.queue(), 10, later.minusNanos(1000))).isEmpty();
        // maxAttempts 1: had the parked run counted, a second run would be its last or none at all.
        List<ClaimedJob> again = claim(running.queue(), 10, later, range("email", 1, 1));
        assertThat(again).extracting(ClaimedJob::id, ClaimedJob::attempt).containsExactly(
                tuple(running.id(), 1));
    }

    @Test
    void parkIsFencedLikeAnOutcome() {
        ClaimedJob running = start(job("email"));
        assertThat(store.jobPark(new JobParkParams(running.id(), 2, T0, "stale attempt"))).isFalse();
        assertThat(store.jobPark(new JobParkParams(running.id() + 1_000, 1, T0, "no such job"))).isFalse();
        assertThat(get(running.id()).state()).isEqualTo(JobState.RUNNING);

        assertThat(store.jobPark(new JobParkParams(running.id(), 1, T0, "parked"))).isTrue();
        assertThat(store.jobPark(new JobParkParams(running.id(), 1, T0, "parked twice"))).isFalse();
        assertThat(get(running.id()).lastError()).isEqualTo("parked");

        long waiting = insertOne(job("email").build()).id();
        assertThat(store.jobPark(new JobParkParams(waiting, 0, T0, "never ran"))).isFalse();
        assertThat(get(waiting).lastError()).isNull();
    }

    // ---- purge and archive

    @Test
    void purgeArchivesOnlyPendingJobsOfTheType() {
        long waiting = insertOne(job("email").build()).id();
        long scheduled = insertOne(job("email").scheduledAt(T0.plusSeconds(3600)).build()).id();
        long retrying = retrying(job("email"));
        long running = start(job("email")).id();
        long completed = finish(job("email"), T0.plusSeconds(1), JobState.COMPLETED);
        long dead = finish(job("email"), T0.plusSeconds(1), JobState.DEAD);
        long otherType = insertOne(job("invoice").build()).id();

        assertThat(store.jobPurge(new JobPurgeParams("email", T0.plusSeconds(5)))).isEqualTo(3);

        assertThat(store.jobGet(waiting)).isEmpty();
        assertThat(store.jobGet(scheduled)).isEmpty();
        assertThat(store.jobGet(retrying)).isEmpty();
        assertThat(get(running).state()).isEqualTo(JobState.RUNNING);
        assertThat(get(completed).state()).isEqualTo(JobState.COMPLETED);
        assertThat(get(dead).state()).isEqualTo(JobState.DEAD);
        assertThat(get(otherType).state()).isEqualTo(JobState.WAITING);
        assertThat(store.archiveList("email")).extracting(ArchivedJob::id)
                .containsExactlyInAnyOrder(waiting, scheduled, retrying);
        assertThat(store.archiveList("invoice")).isEmpty();

        assertThat(store.jobPurge(new JobPurgeParams("email", T0.plusSeconds(6)))).isZero();
        assertThat(store.jobPurge(new JobPurgeParams("no-such-type", T0))).isZero();
    }

    @Test
    void archiveKeepsWhatItTakesToEnqueueTheJobAgain() {
        String payload = "{\"to\":\"ada@example.com\",\"note\":\"héllo ✓\"}";
        long id = insertOne(job("email").version(3).queue("mailers").payload(payload).priority(7).maxAttempts(9)
                .createdAt(T0.minusSeconds(10)).release("2030.1").build()).id();

        store.jobPurge(new JobPurgeParams("email", T0.plusSeconds(5)));

        assertThat(store.archiveList("email")).containsExactly(new ArchivedJob(
                id, "email", 3, "mailers", payload, 7, 9, T0.minusSeconds(10), "2030.1", T0.plusSeconds(5)));
    }

    @Test
    void archiveListIsOldestFirst() {
        long a = insertOne(job("email").build()).id();
        long b = insertOne(job("email").build()).id();
        store.jobPurge(new JobPurgeParams("email", T0.plusSeconds(10)));
        long c = insertOne(job("email").build()).id();
        // An earlier archive time than the first purge's: the order follows archived_at, not insertion.
        store.jobPurge(new JobPurgeParams("email", T0.plusSeconds(5)));

        assertThat(store.archiveList("email")).extracting(ArchivedJob::id).containsExactly(c, a, b);
    }

    @Test
    void restoreMakesArchivedJobsClaimableAgain() {
        insertOne(job("email").payload("{\"n\":1}").createdAt(T0.minusSeconds(30)).build());
        retrying(job("email").payload("{\"n\":2}").createdAt(T0.minusSeconds(20)));
        long otherType = insertOne(job("invoice").build()).id();
        store.jobPurge(new JobPurgeParams("email", T0.plusSeconds(5)));
        store.jobPurge(new JobPurgeParams("invoice", T0.plusSeconds(5)));
        Instant now = T0.plusSeconds(100);

        assertThat(store.archiveRestore(new ArchiveRestoreParams("email", now))).isEqualTo(2);

        assertThat(store.archiveList("email")).isEmpty();
        assertThat(store.archiveList("invoice")).extracting(ArchivedJob::id).containsExactly(otherType);
        List<JobRecord> restored = store.jobList(new JobListParams("email", null, null, null, 100));
        assertThat(restored).extracting(JobRecord::payload).containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
        assertThat(restored).allSatisfy(j -> {
            assertThat(j.state()).isEqualTo(JobState.WAITING);
            assertThat(j.attempt()).isZero();
            assertThat(j.runAt()).isEqualTo(now);
            assertThat(j.leaseOwner()).isNull();
            assertThat(j.release()).isEqualTo("r1");
        });
        assertThat(restored).extracting(JobRecord::createdAt)
                .containsExactlyInAnyOrder(T0.minusSeconds(30), T0.minusSeconds(20));
        for (JobRecord j : restored) {
            assertThat(claimIds(j.queue(), 10, now.minusNanos(1000))).isEmpty();
            assertThat(claimIds(j.queue(), 10, now)).containsExactly(j.id());
        }

        assertThat(store.archiveRestore(new ArchiveRestoreParams("email", now))).isZero();
    }

    @Test
    void purgeRestorePurgeKeepsEveryJobOnce() {
        insert(job("email").payload("{\"n\":1}").build(), job("email").payload("{\"n\":2}").build());
        assertThat(store.jobPurge(new JobPurgeParams("email", T0.plusSeconds(1)))).isEqualTo(2);
        assertThat(store.archiveRestore(new ArchiveRestoreParams("email", T0.plusSeconds(2)))).isEqualTo(2);
        assertThat(store.jobPurge(new JobPurgeParams("email", T0.plusSeconds(3)))).isEqualTo(2);

        List<ArchivedJob> archived = store.archiveList("email");
        assertThat(archived).extracting(ArchivedJob::payload).containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
        assertThat(archived).extracting(ArchivedJob::archivedAt).containsOnly(T0.plusSeconds(3));
        assertThat(store.jobList(JobListParams.all(100))).isEmpty();

        assertThat(store.archiveRestore(new ArchiveRestoreParams("email", T0.plusSeconds(4)))).isEqualTo(2);
        assertThat(claimIds("default", 10, T0.plusSeconds(4))).hasSize(2);
    }

    @Test
    void purgeDuringConcurrentClaimsLosesAndDuplicatesNothing() throws Exception {
        int jobs = 500;
        int types = 10;
        // Several types, purged one after another while claimers take all of them: purges then land
        // between and inside claim batches all along, instead of one purge emptying the queue at once.
        List<Long> ids = insert(IntStream.range(0, jobs).mapToObj(i -> job("race-" + i % types).queue("race").build())
                .toArray(NewJob[]::new));
        List<ReadableRange> readable = IntStream.range(0, types).mapToObj(t -> range("race-" + t, 1, 1)).toList();
        int claimers = 2;
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        AtomicInteger purged = new AtomicInteger();
        AtomicBoolean claimersDone = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(claimers + 1);
        ExecutorService pool = Executors.newFixedThreadPool(claimers + 1);
        try {
            List<Future<?>> claiming = new ArrayList<>();
            for (int t = 0; t < claimers; t++) {
                String owner = "node-" + t;
                claiming.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        List<ClaimedJob> batch = store.jobClaim(
                                new JobClaimParams("race", readable, 5, owner, T0, T0.plus(LEASE)));
                        if (batch.isEmpty()) {
                            return null;
                        }
                        batch.forEach(j -> claimed.add(j.id()));
                    }
                }));
            }
            Future<?> purging = pool.submit((Callable<Void>) () -> {
                start.await();
                for (int t = 0; !claimersDone.get(); t = (t + 1) % types) {
                    purged.addAndGet(store.jobPurge(new JobPurgeParams("race-" + t, T0.plusSeconds(1))));
                }
                return null;
            });
            for (Future<?> f : claiming) {
                f.get(60, TimeUnit.SECONDS);
            }
            claimersDone.set(true);
            purging.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<Long> archived = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            store.archiveList("race-" + t).forEach(a -> archived.add(a.id()));
        }
        assertThat(claimed).doesNotHaveDuplicates();
        assertThat(archived).hasSize(purged.get()).doesNotHaveDuplicates();
        assertThat(Collections.disjoint(claimed, archived)).as("claimed and archived overlap").isTrue();
        List<Long> all = new ArrayList<>(claimed);
        all.addAll(archived);
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
        for (long id : claimed) {
            assertThat(get(id).state()).isEqualTo(JobState.RUNNING);
        }
        assertThat(store.jobList(new JobListParams(null, "race", null, null, jobs))).hasSize(claimed.size());
    }

    // ---- move queue

    @Test
    void moveQueueMovesOnlyPendingJobs() {
        long running = insertOne(job("email").queue("old").build()).id();
        assertThat(claimIds("old", 1, T0)).containsExactly(running);
        long completed = insertOne(job("email").queue("old").build()).id();
        assertThat(claimIds("old", 1, T0)).containsExactly(completed);
        assertThat(store.jobComplete(new JobCompleteParams(completed, 1, T0.plusSeconds(1), false))).isTrue();
        long waiting = insertOne(job("email").queue("old").build()).id();
        long scheduled = insertOne(job("invoice").queue("old").scheduledAt(T0.plusSeconds(60)).build()).id();
        long retrying = insertOne(job("report").queue("old").build()).id();
        assertThat(claimIds("old", 1, T0, range("report", 1, 1))).containsExactly(retrying);
        assertThat(store.jobRetry(new JobRetryParams(retrying, 1, T0.plusSeconds(5), "boom", T0))).isTrue();
        long elsewhere = insertOne(job("email").queue("other").build()).id();

        assertThat(store.jobMoveQueue(new JobMoveQueueParams("old", "new", null))).isEqualTo(3);

        assertThat(List.of(waiting, scheduled, retrying)).allSatisfy(id -> assertThat(get(id).queue()).isEqualTo("new"));
        assertThat(get(retrying).state()).isEqualTo(JobState.RETRYING);
        assertThat(get(running).queue()).isEqualTo("old");
        assertThat(get(completed).queue()).isEqualTo("old");
        assertThat(get(elsewhere).queue()).isEqualTo("other");
        assertThat(claimIds("new", 10, T0.plusSeconds(60))).containsExactlyInAnyOrder(waiting, scheduled, retrying);
        assertThat(store.jobMoveQueue(new JobMoveQueueParams("old", "new", null))).isZero();
    }

    @Test
    void moveQueueCanBeLimitedToOneType() {
        List<Long> emails = insert(job("email").queue("old").build(), job("email").queue("old").build());
        long invoice = insertOne(job("invoice").queue("old").build()).id();

        assertThat(store.jobMoveQueue(new JobMoveQueueParams("old", "mailers", "email"))).isEqualTo(2);

        assertThat(emails).allSatisfy(id -> assertThat(get(id).queue()).isEqualTo("mailers"));
        assertThat(get(invoice).queue()).isEqualTo("old");
        assertThat(store.jobMoveQueue(new JobMoveQueueParams("old", "mailers", "no-such-type"))).isZero();
    }

    @Test
    void moveQueueWakesTheTargetQueuesListener() throws Exception {
        Set<String> woken = ConcurrentHashMap.newKeySet();
        AutoCloseable subscription = listenerOrSkip().listen(woken::add);
        try {
            // A wake-up may be lost while the listener connects: move again on each poll until one arrives.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (woken.contains("moved-to")) {
                    return true;
                }
                insertOne(job("email").queue("moved-from").build());
                assertThat(store.jobMoveQueue(new JobMoveQueueParams("moved-from", "moved-to", null))).isEqualTo(1);
                return false;
            });
        } finally {
            subscription.close();
        }
    }

    // ---- nodes

    @Test
    void registeredNodesRoundTripEqualAndReRegisteringReplaces() {
        NodeRecord worker = node("worker-1", "2030.1", T0, List.of(
                new NodeType("user-confirmation", List.of("confirm-user", "confirm"), 1, 3,
                        List.of("mailers", "default"), false),
                new NodeType("old-report", List.of(), 2, 2, List.of("reports"), true)));
        NodeRecord producer = new NodeRecord("producer-1", "2030.1", "web-7", "producer", List.of(), List.of(), T0, T0);

        store.nodeRegister(worker);
        store.nodeRegister(producer);
        assertThat(store.nodeList()).containsExactly(producer, worker);

        NodeRecord restarted = node("worker-1", "2030.2", T0.plusSeconds(60),
                List.of(new NodeType("user-confirmation", List.of(), 2, 4, List.of("mailers"), false)));
        store.nodeRegister(restarted);
        assertThat(store.nodeList()).containsExactly(producer, restarted);
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

    /** A job that ran once, on a queue of its own, failed, and waits for its retry at T0 + 5s. */
    private long retrying(TestJobs.Builder job) {
        ClaimedJob running = start(job);
        assertThat(store.jobRetry(new JobRetryParams(running.id(), 1, T0.plusSeconds(5), "boom", T0))).isTrue();
        return running.id();
    }

    private static NodeRecord node(String id, String release, Instant at, List<NodeType> types) {
        return new NodeRecord(id, release, "host-" + id, "worker", List.of("mailers", "default"), types, at, at);
    }

    private static ContractRecord contract(String type, int version, String fingerprint, String release,
            Instant at) {
        String json = "{\"type\":\"" + type + "\",\"version\":" + version + ",\"fields\":{\"to\":"
                + "{\"json\":\"string\",\"required\":true}},\"note\":\"é\"}";
        return new ContractRecord(type, version, fingerprint, "default", json, release, at);
    }
}
