package dev.baton.storetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.Backoff;
import dev.baton.Baton;
import dev.baton.EnqueueOptions;
import dev.baton.Enqueued;
import dev.baton.JobSettings;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The worker runtime over a real store, one node at a time: running jobs, retention and pruning,
 * retries with backoff, dead jobs, payloads the node cannot read, timeouts, priorities, schedules,
 * unique keys, transactional enqueue, bulk enqueue and per-queue concurrency. Every store runs it beside
 * {@link JobStoreConformanceTest} and {@link WorkerNodeConformanceTest}. Time is a {@link SettableClock}:
 * retries, schedules and leases move when the test advances it; waits are on conditions.
 */
public abstract class WorkerConformanceTest extends WorkerConformanceBase {

    @Test
    void runsEnqueuedJobsAndKeepsThemCompleted() {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        Baton baton = started(node().queue("default", 4).handle(Echo.class, (job, ctx) -> seen.add(job.n())));

        for (int i = 0; i < 50; i++) {
            baton.enqueue(new Echo(i, "hello " + i));
        }

        await().atMost(WAIT).until(() -> count(JobState.COMPLETED) == 50);
        assertThat(seen).hasSize(50);
        JobRecord any = store.jobList(dev.baton.spi.JobListParams.all(1)).get(0);
        assertThat(any.type()).isEqualTo("echo");
        assertThat(any.version()).isEqualTo(1);
        assertThat(any.attempt()).isEqualTo(1);
        assertThat(any.finishedAt()).isEqualTo(START);
        assertThat(any.release()).isEqualTo("test");
        assertThat(any.payload()).doesNotContain(Echo.class.getName());
    }

    @Test
    void deletesCompletedJobsWhenRetentionIsZero() {
        AtomicInteger runs = new AtomicInteger();
        Baton baton = started(node().completedRetention(Duration.ZERO).queue("default", 2)
                .handle(Echo.class, (job, ctx) -> runs.incrementAndGet()));

        Enqueued enqueued = baton.enqueue(new Echo(1, "gone"));

        await().atMost(WAIT).until(() -> runs.get() == 1 && store.jobGet(enqueued.id()).isEmpty());
    }

    @Test
    void prunesCompletedJobsPastTheirRetention() {
        AtomicInteger runs = new AtomicInteger();
        Baton baton = started(node().completedRetention(Duration.ofMinutes(5)).pruneInterval(Duration.ofMillis(50))
                .queue("default", 2).handle(Echo.class, (job, ctx) -> runs.incrementAndGet()));
        Enqueued enqueued = baton.enqueue(new Echo(1, "kept a while"));
        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.COMPLETED);

        clock.advance(Duration.ofMinutes(6));

        await().atMost(WAIT).until(() -> store.jobGet(enqueued.id()).isEmpty());
    }

    @Test
    void retriesWithBackoffUntilTheHandlerSucceeds() {
        AtomicInteger runs = new AtomicInteger();
        JobSettings settings = JobSettings.defaults()
                .withBackoff(Backoff.exponential(Duration.ofSeconds(10), Duration.ofSeconds(10), 0));
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> {
            if (runs.incrementAndGet() < 3) {
                throw new IllegalStateException("flaky downstream, run " + runs.get());
            }
        }, settings));

        Enqueued enqueued = baton.enqueue(new Echo(7, "flaky"));

        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.RETRYING);
        JobRecord retrying = job(enqueued.id());
        assertThat(retrying.runAt()).isEqualTo(START.plusSeconds(10));
        assertThat(retrying.lastError()).contains("flaky downstream, run 1").contains("\tat ");
        assertThat(retrying.leaseOwner()).isNull();

        clock.advance(Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> runs.get() == 2 && job(enqueued.id()).state() == JobState.RETRYING);
        clock.advance(Duration.ofSeconds(10));

        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.COMPLETED);
        assertThat(job(enqueued.id()).attempt()).isEqualTo(3);
        assertThat(runs).hasValue(3);
    }

    @Test
    void keepsAJobDeadWithItsLastErrorWhenAttemptsRunOut() {
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> {
            throw new IllegalArgumentException("no such user " + job.n());
        }, JobSettings.defaults().withMaxAttempts(1)));

        Enqueued enqueued = baton.enqueue(new Echo(404, "missing"));

        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.DEAD);
        JobRecord dead = job(enqueued.id());
        assertThat(dead.attempt()).isEqualTo(1);
        assertThat(dead.finishedAt()).isEqualTo(START);
        assertThat(dead.lastError()).contains("IllegalArgumentException: no such user 404").contains("\tat ");
        assertThat(dead.payload()).contains("404");
    }

    @Test
    void enqueueOptionMaxAttemptsOverridesTheTypeSetting() {
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> {
            throw new IllegalStateException("always");
        }));

        Enqueued enqueued = baton.enqueue(new Echo(1, "once"), EnqueueOptions.defaults().maxAttempts(1));

        assertThat(job(enqueued.id()).maxAttempts()).isEqualTo(1);
        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.DEAD);
    }

    @Test
    void aPayloadThatCannotBeReadOnANodeThatReadsItsVersionUsesAttemptsAndEndsDead() {
        AtomicInteger runs = new AtomicInteger();
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> runs.incrementAndGet()));

        long id = insertRaw("echo", 1, "default", "{\"n\":\"not a number\",\"text\":\"x\"}");

        await().atMost(WAIT).until(() -> job(id).state() == JobState.RETRYING);
        assertThat(job(id).attempt()).as("counted: this node reads echo v1, so the payload is at fault").isEqualTo(1);
        assertThat(job(id).lastError()).contains("job echo v1").contains("field \"n\"");
        clock.advance(Duration.ofDays(1));
        await().atMost(WAIT).until(() -> job(id).attempt() == 2 && job(id).state() == JobState.RETRYING);
        clock.advance(Duration.ofDays(1));
        await().atMost(WAIT).until(() -> job(id).state() == JobState.DEAD);

        assertThat(job(id).attempt()).isEqualTo(3);
        assertThat(job(id).lastError()).contains("field \"n\"");
        assertThat(runs).as("the handler never saw it").hasValue(0);
        assertThat(baton.stats()).contains(new dev.baton.RunCount("echo", 1, dev.baton.RunOutcome.RETRIED, 2),
                new dev.baton.RunCount("echo", 1, dev.baton.RunOutcome.DEAD, 1));
    }

    @Test
    void cancelsARunThatExceedsItsTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger cancelledSeen = new AtomicInteger();
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> {
            try {
                never.await();
            } finally {
                if (ctx.isCancelled()) {
                    cancelledSeen.incrementAndGet();
                }
            }
        }, JobSettings.defaults().withMaxAttempts(1).withTimeout(Duration.ofMillis(200))));

        Enqueued enqueued = baton.enqueue(new Echo(1, "slow"));

        await().atMost(WAIT).until(() -> job(enqueued.id()).state() == JobState.DEAD);
        assertThat(job(enqueued.id()).lastError()).contains("ran longer than its timeout of PT0.2S");
        assertThat(cancelledSeen).hasValue(1);
    }

    @Test
    void runsHigherPriorityFirst() {
        Baton producer = producer();
        producer.enqueue(new Echo(1, "low"), EnqueueOptions.defaults().priority(0));
        producer.enqueue(new Echo(2, "high"), EnqueueOptions.defaults().priority(10));
        producer.enqueue(new Echo(3, "middle"), EnqueueOptions.defaults().priority(5));
        List<Long> order = new CopyOnWriteArrayList<>();

        started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> order.add(job.n())));

        await().atMost(WAIT).until(() -> order.size() == 3);
        assertThat(order).containsExactly(2L, 3L, 1L);
    }

    @Test
    void runsAScheduledJobOnlyOnceItIsDue() {
        List<String> ran = new CopyOnWriteArrayList<>();
        Baton baton = started(node().queue("default", 2).handle(Echo.class, (job, ctx) -> ran.add(job.text())));

        Enqueued later = baton.enqueue(new Echo(1, "later"), EnqueueOptions.defaults().delay(Duration.ofMinutes(10)));
        baton.enqueue(new Echo(2, "now"));

        assertThat(job(later.id()).state()).isEqualTo(JobState.SCHEDULED);
        await().atMost(WAIT).until(() -> ran.contains("now"));
        assertThat(ran).doesNotContain("later");

        clock.advance(Duration.ofMinutes(10));

        await().atMost(WAIT).until(() -> ran.contains("later"));
    }

    @Test
    void aUniqueKeyEnqueuesOnceWhileTheJobIsUnfinished() {
        Baton producer = producer();
        EnqueueOptions unique = EnqueueOptions.defaults().uniqueKey("user-42");

        Enqueued first = producer.enqueue(new Echo(42, "first"), unique);
        Enqueued second = producer.enqueue(new Echo(42, "second"), unique);

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.id()).isEqualTo(first.id());
        List<String> ran = new CopyOnWriteArrayList<>();
        started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> ran.add(job.text())));
        await().atMost(WAIT).until(() -> job(first.id()).state() == JobState.COMPLETED);
        assertThat(ran).containsExactly("first");

        Enqueued afterCompletion = producer.enqueue(new Echo(42, "third"), unique);
        assertThat(afterCompletion.duplicate()).isFalse();
        assertThat(afterCompletion.id()).isNotEqualTo(first.id());
    }

    @Test
    void aJobEnqueuedInARolledBackTransactionNeverExists() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        Baton baton = started(node().queue("default", 2).handle(Echo.class, (job, ctx) -> ran.add(job.text())));

        long rolledBack;
        try (Connection tx = fixture.openConnection()) {
            rolledBack = baton.enqueue(tx, new Echo(1, "rolled back")).id();
            tx.rollback();
        }
        baton.enqueue(new Echo(2, "marker"));

        await().atMost(WAIT).until(() -> ran.contains("marker"));
        assertThat(ran).doesNotContain("rolled back");
        assertThat(store.jobGet(rolledBack)).isEmpty();
    }

    @Test
    void aJobEnqueuedInACommittedTransactionRuns() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        Baton baton = started(node().queue("default", 2).handle(Echo.class, (job, ctx) -> ran.add(job.text())));

        try (Connection tx = fixture.openConnection()) {
            baton.enqueueAll(tx, List.of(new Echo(1, "committed a"), new Echo(2, "committed b")));
            assertThat(count(JobState.WAITING)).as("invisible before commit").isZero();
            tx.commit();
        }

        await().atMost(WAIT).until(() -> ran.size() == 2);
        assertThat(ran).containsExactlyInAnyOrder("committed a", "committed b");
    }

    @Test
    void bulkEnqueueRunsEveryJob() {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        Baton baton = started(node().completedRetention(Duration.ZERO).queue("default", 8)
                .handle(Echo.class, (job, ctx) -> seen.add(job.n())));

        List<Enqueued> enqueued = baton.enqueueAll(IntStream.range(0, 1_000).mapToObj(i -> new Echo(i, "bulk")).toList());

        assertThat(enqueued).hasSize(1_000).extracting(Enqueued::id).doesNotHaveDuplicates();
        await().atMost(WAIT).until(() -> seen.size() == 1_000);
    }

    @Test
    void neverRunsMoreThanTheQueueConcurrency() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Baton baton = started(node().queue("default", 3).handle(Echo.class, (job, ctx) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                running.decrementAndGet();
            }
        }));

        baton.enqueueAll(IntStream.range(0, 10).mapToObj(i -> new Echo(i, "limited")).toList());

        await().atMost(WAIT).until(() -> running.get() == 3);
        assertThat(count(JobState.RUNNING)).isEqualTo(3);
        release.countDown();
        await().atMost(WAIT).until(() -> count(JobState.COMPLETED) == 10);
        assertThat(peak).hasValue(3);
    }

    @Test
    void servesEachQueueWithItsOwnWorkers() {
        CountDownLatch blockDefault = new CountDownLatch(1);
        List<String> mailed = new CopyOnWriteArrayList<>();
        Baton baton = started(node().queue("default", 1).queue("mailers", 1)
                .handle(Echo.class, (job, ctx) -> blockDefault.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .handle(SendMail.class, (job, ctx) -> mailed.add(job.to())));

        baton.enqueue(new Echo(1, "hogs the default queue"));
        baton.enqueue(new SendMail("ada@example.com"));

        await().atMost(WAIT).until(() -> mailed.contains("ada@example.com"));
        blockDefault.countDown();
    }
}
