package dev.baton.storetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.Baton;
import dev.baton.Enqueued;
import dev.baton.JobHandler;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.NodePresence;
import dev.baton.spi.PresenceOpenParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import dev.baton.spi.ReadableRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The worker runtime over a real store, across nodes and their leases: two nodes sharing a queue,
 * heartbeats keeping a long run's lease, a dead node's job coming back when its lease lapses, shutdown
 * finishing or releasing running jobs, a node claiming only what it can read, and push wake-ups reaching
 * an idle node where the store has a listener. Time is a {@link SettableClock}; waits are on conditions.
 */
public abstract class WorkerNodeConformanceTest extends WorkerConformanceBase {

    @Test
    void twoNodesOnOneQueueRunEveryJobExactlyOnce() {
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
        Function<String, JobHandler<Echo>> handler = name -> (job, ctx) -> {
            runs.computeIfAbsent(job.n(), n -> new AtomicInteger()).incrementAndGet();
            byNode.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        };
        Baton first = started(node().nodeId("node-a").queue("default", 4).handle(Echo.class, handler.apply("a")));
        started(Baton.builder().store(anotherStore()).clock(clock).release("test").nodeId("node-b")
                .pollInterval(Duration.ofMillis(20)).queue("default", 4).handle(Echo.class, handler.apply("b")));

        for (int batch = 0; batch < 10; batch++) {
            int base = batch * 100;
            first.enqueueAll(IntStream.range(base, base + 100).mapToObj(i -> new Echo(i, "shared")).toList());
        }

        await().atMost(WAIT).until(() -> count(JobState.COMPLETED) == 1_000);
        assertThat(runs).hasSize(1_000);
        assertThat(runs.values()).allMatch(n -> n.get() == 1);
        assertThat(byNode.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(1_000);
    }

    @Test
    void heartbeatsKeepTheLeaseOfALongRunningJob() {
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> {
            runs.incrementAndGet();
            finish.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }));
        Enqueued enqueued = baton.enqueue(new Echo(1, "long"));
        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.RUNNING);

        // Ten lease lengths pass; each step is shorter than a lease and waits for a heartbeat.
        for (int step = 0; step < 20; step++) {
            clock.advance(Duration.ofMillis(1_500));
            Instant now = clock.instant();
            await().atMost(WAIT).until(() -> job(enqueued.id()).leaseExpiresAt().isAfter(now.plusSeconds(2)));
        }
        finish.countDown();

        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.COMPLETED);
        assertThat(job(enqueued.id()).attempt()).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aJobWhoseNodeDiedComesBackWhenItsLeaseLapses() {
        Baton producer = producer();
        Enqueued enqueued = producer.enqueue(new Echo(9, "orphaned"));
        // A node claims the job and hangs: still connected, so its presence holds, but nobody heartbeats
        // its lease any more. Only the lease says its run is over.
        NodePresence hung = store.presenceOpen(new PresenceOpenParams("crashed-node"));
        List<ClaimedJob> claimed = store.jobClaim(new JobClaimParams("default", List.of(new ReadableRange("echo", 1, 1)),
                1, "crashed-node", hung.runId(), clock.instant(), clock.instant().plusSeconds(30)));
        assertThat(claimed).hasSize(1);
        List<Long> ran = new CopyOnWriteArrayList<>();
        started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> ran.add(ctx.id())));
        assertThat(job(enqueued.id()).leaseOwner()).isEqualTo("crashed-node");

        clock.advance(Duration.ofSeconds(31));

        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.COMPLETED);
        assertThat(ran).containsExactly(enqueued.id());
        assertThat(job(enqueued.id()).attempt()).isEqualTo(2);
        hung.close();
    }

    @Test
    void shutdownLetsRunningJobsFinishWithinTheDeadline() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Baton baton = node().queue("default", 1).handle(Echo.class, (job, ctx) -> {
            started.countDown();
            finish.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }).build().start();
        Enqueued enqueued = baton.enqueue(new Echo(1, "finishing"));
        assertThat(started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        Thread finisher = new Thread(() -> {
            await().atMost(WAIT).until(() -> baton.runningCount() == 1);
            finish.countDown();
        });
        finisher.start();
        boolean clean = baton.shutdown(WAIT);
        finisher.join();

        assertThat(clean).isTrue();
        assertThat(job(enqueued.id()).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void shutdownReleasesJobsThatOutliveTheDeadlineForAnotherNode() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Baton leaving = node().nodeId("leaving").queue("default", 1).handle(Echo.class, (job, ctx) -> {
            started.countDown();
            new CountDownLatch(1).await(); // runs until interrupted
        }).build().start();
        Enqueued enqueued = leaving.enqueue(new Echo(1, "interrupted"));
        assertThat(started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        boolean clean = leaving.shutdown(Duration.ofMillis(200));

        assertThat(clean).isFalse();
        JobRecord released = job(enqueued.id());
        assertThat(released.state()).isEqualTo(JobState.WAITING);
        assertThat(released.attempt()).as("a release is not an attempt").isZero();
        assertThat(released.leaseOwner()).isNull();
        List<Long> ran = new CopyOnWriteArrayList<>();
        started(node().nodeId("staying").queue("default", 1).handle(Echo.class, (job, ctx) -> ran.add(ctx.id())));
        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.COMPLETED);
        assertThat(ran).containsExactly(enqueued.id());
        assertThat(job(enqueued.id()).attempt()).isEqualTo(1);
    }

    @Test
    void aNodeOnlyClaimsTheTypesAndVersionsItCanRead() {
        List<Long> ran = new CopyOnWriteArrayList<>();
        started(node().queue("default", 2).handle(Echo.class, (job, ctx) -> ran.add(ctx.id())));

        long newer = insertRaw("echo", 2, "default", "{\"n\":1,\"text\":\"from a newer release\"}");
        long unknown = insertRaw("report-export", 1, "default", "{\"id\":1}");
        long readable = insertRaw("echo", 1, "default", "{\"n\":2,\"text\":\"readable\"}");

        await().atMost(WAIT).until(() -> ran.contains(readable));
        assertThat(ran).containsExactly(readable);
        assertThat(job(newer).state()).isEqualTo(JobState.WAITING);
        assertThat(job(newer).attempt()).as("parked, not burned").isZero();
        assertThat(job(unknown).attempt()).isZero();
    }

    @Test
    void wakesAnIdleWorkerOnAnotherNodeWithoutPolling() {
        org.junit.jupiter.api.Assumptions.assumeTrue(store.listener().isPresent(),
                () -> reportSkip(store.name() + " has no push wake-ups; workers poll"));
        List<Long> ran = new CopyOnWriteArrayList<>();
        started(Baton.builder().store(anotherStore()).clock(clock).release("test")
                .pollInterval(Duration.ofMinutes(10)) // only a notify can wake it within the wait below
                .queue("default", 1).handle(Echo.class, (job, ctx) -> ran.add(job.n())));
        Baton producer = producer();

        // Each job lands while the worker sleeps on a ten-minute poll: only a notify wakes it in time.
        for (long n = 1; n <= 3; n++) {
            long expected = n;
            await().atMost(WAIT).until(() -> count(JobState.RUNNING) == 0);
            producer.enqueue(new Echo(expected, "pushed"));
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains(expected));
        }
    }
}
