package dev.baton.storetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.baton.Baton;
import dev.baton.Enqueued;
import dev.baton.Job;
import dev.baton.JobSettings;
import dev.baton.PayloadException;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NodePresence;
import dev.baton.spi.PresenceOpenParams;
import dev.baton.spi.ReadableRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The handler-fault table, end to end on a real store: each fault a handler or a row can throw at a node
 * ends in a documented state with a clear error, and the queue keeps flowing (a later job still runs).
 */
public abstract class WorkerFaultConformanceTest extends WorkerConformanceBase {

    @Job(name = "big")
    public record Big(String text) {}

    /** An exception that cannot describe itself: its message throws. */
    static final class Unprintable extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage failed");
        }
    }

    @Test
    void anExceptionWhoseMessageThrowsIsAFailedAttemptAndTheQueueFlows() {
        List<Long> ran = new CopyOnWriteArrayList<>();
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> {
            if (job.n() == 1) {
                throw new Unprintable();
            }
            ran.add(job.n());
        }));

        Enqueued bad = baton.enqueue(new Echo(1, "bad"));
        Enqueued good = baton.enqueue(new Echo(2, "good"));

        await().atMost(WAIT).until(() -> job(good.id()).state() == JobState.COMPLETED);
        await().atMost(WAIT).until(() -> job(bad.id()).state() == JobState.RETRYING);
        assertThat(job(bad.id()).attempt()).isEqualTo(1);
        assertThat(job(bad.id()).lastError()).contains(Unprintable.class.getName()).contains("could not be read");
        assertThat(ran).containsExactly(2L);
    }

    @Test
    void anErrorThrownByAHandlerIsAFailedAttemptNotADeadThread() {
        AtomicInteger runs = new AtomicInteger();
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> {
            runs.incrementAndGet();
            if (job.n() == 1) {
                throw new AssertionError("an Error, not an Exception");
            }
        }));

        Enqueued bad = baton.enqueue(new Echo(1, "error"));
        await().atMost(WAIT).until(() -> job(bad.id()).state() == JobState.RETRYING);
        Enqueued next = baton.enqueue(new Echo(2, "next"));

        await().atMost(WAIT).until(() -> job(next.id()).state() == JobState.COMPLETED);
        assertThat(job(bad.id()).lastError()).contains("AssertionError").contains("an Error, not an Exception");
    }

    @Test
    void aHandlerThatIgnoresItsInterruptIsAbandonedAfterTheGraceAndItsSlotFreed() {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> ran = new CopyOnWriteArrayList<>();
        Baton baton = started(node().timeoutGrace(Duration.ofMillis(200)).queue("default", 1).handle(Echo.class,
                (job, ctx) -> {
                    if (job.n() == 1) {
                        while (release.getCount() > 0) {
                            try {
                                release.await();
                            } catch (InterruptedException ignored) {
                                // a handler that swallows its interrupt and carries on
                            }
                        }
                    }
                    ran.add(job.n());
                }, JobSettings.defaults().withTimeout(Duration.ofMillis(200)).withMaxAttempts(1)));
        try {
            Enqueued stuck = baton.enqueue(new Echo(1, "stuck"));
            Enqueued next = baton.enqueue(new Echo(2, "next"));

            await().atMost(WAIT).until(() -> job(stuck.id()).state() == JobState.DEAD);
            assertThat(job(stuck.id()).lastError()).contains("ran longer than its timeout");
            await().atMost(WAIT).until(() -> job(next.id()).state() == JobState.COMPLETED);
            assertThat(ran).containsExactly(2L);
            assertThat(baton.runningCount()).as("the abandoned run holds no slot").isZero();
        } finally {
            release.countDown();
        }
    }

    @Test
    void anAttemptCountAtTheIntLimitEndsDeadUnrunAndTheQueueFlows() throws SQLException {
        List<Long> ran = new CopyOnWriteArrayList<>();
        long poison = insertRaw("echo", 1, "default", "{\"n\":1,\"text\":\"poison\"}");
        sql("UPDATE baton_jobs SET attempt = 2147483647 WHERE id = " + poison);
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> ran.add(job.n())));

        Enqueued good = baton.enqueue(new Echo(2, "good"));

        await().atMost(WAIT).until(() -> job(good.id()).state() == JobState.COMPLETED);
        await().atMost(WAIT).until(() -> job(poison).state() == JobState.DEAD);
        assertThat(job(poison).lastError()).contains("past max attempts");
        assertThat(ran).containsExactly(2L);
    }

    /**
     * The poison-row table: rows a buggy producer, a hand edit or a corrupt restore could leave. Each ends
     * dead, on its first and only attempt, with an error naming what is wrong, and the job behind it runs.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "payload not JSON         | this is not json           | cannot be read",
            "payload a JSON array     | [1, 2]                     | not a JSON object",
            "a field of the wrong type | {\"n\":\"x\",\"text\":\"t\"} | field \"n\"",
            "a required field missing | {\"text\":\"t\"}             | required field is missing",
            "max attempts of zero     | {\"n\":1,\"text\":\"t\"}       | past max attempts",
    })
    void aPoisonRowEndsDeadWithANamedErrorAndTheQueueFlows(String poison, String payload, String error)
            throws SQLException {
        long id = insertRaw("echo", 1, "default", payload);
        sql("UPDATE baton_jobs SET max_attempts = " + (poison.startsWith("max attempts") ? 0 : 1) + " WHERE id = " + id);
        List<Long> ran = new CopyOnWriteArrayList<>();
        Baton baton = started(node().queue("default", 1).handle(Echo.class, (job, ctx) -> ran.add(job.n())));

        Enqueued good = baton.enqueue(new Echo(2, "good"));

        await().atMost(WAIT).until(() -> job(id).state() == JobState.DEAD);
        assertThat(job(id).lastError()).as(poison).contains(error);
        await().atMost(WAIT).until(() -> job(good.id()).state() == JobState.COMPLETED);
        assertThat(ran).containsExactly(2L);
    }

    @Test
    void anOversizedPayloadIsRefusedAtEnqueueWithANamedError() {
        Baton baton = started(node().maxPayloadSize(1_000));

        assertThatThrownBy(() -> baton.enqueue(new Big("x".repeat(2_000))))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.getMessage())
                        .contains("job big v1").contains("over the limit of 1000").contains("maxPayloadSize"));
        assertThat(store.jobCount()).isEmpty();
    }

    @Test
    void aNodeRestartedUnderTheSameIdNeverKeepsTheCrashedProcesssJobs() {
        // The crashed process: it claimed a job and died (PostgreSQL: its connection is still open here, so
        // this is also the hung-process case; only the lease can end it).
        NodePresence crashed = store.presenceOpen(new PresenceOpenParams("pod-0"));
        long id = insertRaw("echo", 1, "default", "{\"n\":7,\"text\":\"orphan\"}");
        List<ClaimedJob> claimed = store.jobClaim(new JobClaimParams("default", List.of(new ReadableRange("echo", 1, 1)),
                1, "pod-0", crashed.runId(), clock.instant(), clock.instant().plusSeconds(3)));
        assertThat(claimed).hasSize(1);
        List<Long> ran = new CopyOnWriteArrayList<>();
        try {
            started(node().nodeId("pod-0").queue("default", 1).handle(Echo.class, (job, ctx) -> ran.add(ctx.id())));
            clock.advance(Duration.ofSeconds(4)); // past the old lease: the new run's heartbeats must not extend it

            await().atMost(WAIT).until(() -> job(id).state() == JobState.COMPLETED);
            assertThat(ran).containsExactly(id);
            assertThat(job(id).attempt()).isEqualTo(2);
        } finally {
            crashed.close();
        }
    }

    @Test
    void aTransactionalHandlerCommitsItsEffectWithTheCompletionOrNotAtAll() throws SQLException {
        sql("CREATE TABLE IF NOT EXISTS baton_test_orders (n BIGINT NOT NULL)");
        sql("DELETE FROM baton_test_orders");
        AtomicInteger runs = new AtomicInteger();
        Baton baton = started(node().queue("default", 1).handleInTransaction(Echo.class, (job, ctx, c) -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO baton_test_orders (n) VALUES (?)")) {
                ps.setLong(1, job.n());
                ps.executeUpdate();
            }
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("fails after writing, on the first attempt");
            }
        }));

        Enqueued order = baton.enqueue(new Echo(42, "order"));
        await().atMost(WAIT).until(() -> job(order.id()).state() == JobState.RETRYING);
        assertThat(orders()).as("the failed attempt's write was rolled back").isZero();
        clock.advance(Duration.ofDays(1));

        await().atMost(WAIT).until(() -> job(order.id()).state() == JobState.COMPLETED);
        assertThat(orders()).as("exactly one effect, committed with the completion").isEqualTo(1);
        assertThat(runs).hasValue(2);
    }

    private long orders() throws SQLException {
        try (Connection c = fixture.openConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM baton_test_orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String text) throws SQLException {
        try (Connection c = fixture.openConnection(); Statement st = c.createStatement()) {
            st.execute(text);
            c.commit();
        }
    }
}
