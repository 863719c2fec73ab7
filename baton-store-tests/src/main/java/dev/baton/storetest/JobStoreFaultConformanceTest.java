package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static dev.baton.storetest.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobCompleteInTransactionParams;
import dev.baton.spi.JobCompleteInTransactionParams.Result.Status;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobPruneParams;
import dev.baton.spi.JobRescueParams;
import dev.baton.spi.JobRescueResult;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import dev.baton.spi.NodePresence;
import dev.baton.spi.PresenceOpenParams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for what a {@link dev.baton.spi.JobStore} does when things go wrong: runs whose
 * process died, rows no claim expects (a missing lease, an attempt count at the int limit), the shared
 * clock, transactional completion that commits or rolls back, and pruning a large backlog. Rows are
 * damaged with the test's own SQL, as an operator or a bug would.
 */
public abstract class JobStoreFaultConformanceTest extends StoreConformanceBase {

    private static final String EFFECTS = "baton_test_effects";

    @BeforeEach
    final void emptyEffects() throws SQLException {
        sql("CREATE TABLE IF NOT EXISTS " + EFFECTS + " (job_id BIGINT NOT NULL, note VARCHAR(100) NOT NULL)");
        sql("DELETE FROM " + EFFECTS);
    }

    // ---- liveness

    @Test
    void rescueTakesTheJobsOfARunWhoseProcessDiedAtOnceWithoutWaitingForTheLease() {
        NodePresence crashed = store.presenceOpen(new PresenceOpenParams("crashed"));
        ClaimedJob held = start(job("email"), "crashed", crashed.runId(), T0, T0.plus(Duration.ofHours(1)));
        ClaimedJob ours = start(job("email"));
        try {
            assertThat(store.jobRescue(new JobRescueParams(T0, 10))).isEqualTo(new JobRescueResult(0, 0));
            if (!crashed.tiedToConnection()) {
                System.err.println("SKIPPED: store " + store.name() + " does not tie runs to connections; a dead"
                        + " process's jobs come back when their lease lapses");
                return;
            }
            crashed.close(); // what PostgreSQL does when the process's connection closes

            assertThat(store.jobRescue(new JobRescueParams(T0, 10))).isEqualTo(new JobRescueResult(1, 0));
            assertThat(get(held.id()).state()).isEqualTo(JobState.RETRYING);
            assertThat(get(held.id()).lastError()).contains("attempt 1");
            assertThat(get(ours.id()).state()).as("a present run keeps its jobs").isEqualTo(JobState.RUNNING);
        } finally {
            crashed.close();
        }
    }

    @Test
    void rescueTakesARunningJobWithNoLease() throws SQLException {
        ClaimedJob claimed = start(job("email"));
        sql("UPDATE baton_jobs SET lease_expires_at = NULL WHERE id = " + claimed.id());

        assertThat(store.jobRescue(new JobRescueParams(T0, 10))).isEqualTo(new JobRescueResult(1, 0));
        assertThat(get(claimed.id()).state()).isEqualTo(JobState.RETRYING);
    }

    // ---- rows that must not stop a queue

    @Test
    void anAttemptCountAtTheIntLimitNeitherFailsTheClaimNorStopsTheQueue() throws SQLException {
        List<Long> ids = insert(job("email").queue("poisoned").build(), job("email").queue("poisoned").build());
        sql("UPDATE baton_jobs SET attempt = 2147483647 WHERE id = " + ids.get(0));

        List<ClaimedJob> claimed = claim("poisoned", 10, T0, range("email", 1, 1));

        assertThat(claimed).extracting(ClaimedJob::id).containsExactlyInAnyOrderElementsOf(ids);
        ClaimedJob poison = claimed.stream().filter(j -> j.id() == ids.get(0)).findFirst().orElseThrow();
        assertThat(poison.attempt()).as("past its maximum, so the runner records it dead unrun")
                .isGreaterThan(poison.maxAttempts());
        assertThat(claimed.stream().filter(j -> j.id() == ids.get(1)).findFirst().orElseThrow().attempt()).isEqualTo(1);
    }

    // ---- the shared clock

    @Test
    void storeTimeIsTheDatabaseClock() {
        Instant before = Instant.now();
        Instant store1 = store.storeTime();
        Instant store2 = store.storeTime();
        // Same machine in tests, so the database's clock and the JVM's agree to well within a second.
        assertThat(Duration.between(before, store1).abs()).isLessThan(Duration.ofSeconds(2));
        assertThat(store2).isAfterOrEqualTo(store1);
    }

    // ---- completion in the handler's own transaction

    @Test
    void transactionalCompletionCommitsTheWorkAndTheCompletionTogether() throws SQLException {
        ClaimedJob claimed = start(job("email"));

        JobCompleteInTransactionParams.Result result = store.jobCompleteInTransaction(new JobCompleteInTransactionParams(
                new JobCompleteParams(claimed.id(), claimed.attempt(), T0, false), c -> effect(c, claimed.id(), "done")));

        assertThat(result.status()).isEqualTo(Status.COMPLETED);
        assertThat(get(claimed.id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(effects(claimed.id())).containsExactly("done");
    }

    @Test
    void transactionalCompletionRollsTheWorkBackWhenItFails() throws SQLException {
        ClaimedJob claimed = start(job("email"));
        IllegalStateException boom = new IllegalStateException("boom after writing");

        JobCompleteInTransactionParams.Result result = store.jobCompleteInTransaction(new JobCompleteInTransactionParams(
                new JobCompleteParams(claimed.id(), claimed.attempt(), T0, false), c -> {
                    effect(c, claimed.id(), "half");
                    throw boom;
                }));

        assertThat(result.status()).isEqualTo(Status.WORK_FAILED);
        assertThat(result.failure()).isSameAs(boom);
        assertThat(get(claimed.id()).state()).as("still the run's to record as failed").isEqualTo(JobState.RUNNING);
        assertThat(effects(claimed.id())).isEmpty();
    }

    @Test
    void transactionalCompletionRollsTheWorkBackWhenTheRunNoLongerHoldsTheJob() throws SQLException {
        ClaimedJob stale = start(job("email").maxAttempts(3), OWNER, T0, T0.plusSeconds(1));
        store.jobRescue(new JobRescueParams(T0.plusSeconds(5), 10)); // its lease lapsed: another run takes it
        ClaimedJob newer = claim(stale.queue(), 1, T0.plusSeconds(6), range("email", 1, 1)).get(0);

        JobCompleteInTransactionParams.Result result = store.jobCompleteInTransaction(new JobCompleteInTransactionParams(
                new JobCompleteParams(stale.id(), stale.attempt(), T0, true), c -> effect(c, stale.id(), "stale")));

        assertThat(result.status()).isEqualTo(Status.NOT_HELD);
        assertThat(effects(stale.id())).as("the stale run's effect is undone").isEmpty();
        assertThat(get(stale.id()).state()).isEqualTo(JobState.RUNNING);
        assertThat(get(stale.id()).attempt()).isEqualTo(newer.attempt());
    }

    // ---- pruning

    @Test
    void pruneWorksOffALargeBacklogInBoundedBatches() throws SQLException {
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            jobs.add(job("email").queue("done").build());
        }
        store.jobInsert(new dev.baton.spi.JobInsertParams(jobs, null));
        sql("UPDATE baton_jobs SET state = 'completed', finished_at = run_at WHERE queue = 'done'");
        Instant cutoff = T0.plus(Duration.ofDays(1));

        assertThat(store.jobPrune(new JobPruneParams(JobState.COMPLETED, cutoff, 5_000))).isEqualTo(5_000);
        assertThat(store.jobPrune(new JobPruneParams(JobState.COMPLETED, cutoff, 5_000))).isEqualTo(5_000);
        assertThat(store.jobPrune(new JobPruneParams(JobState.COMPLETED, cutoff, 5_000))).isEqualTo(2_000);
        assertThat(store.jobPrune(new JobPruneParams(JobState.COMPLETED, cutoff, 5_000))).isZero();
    }

    private static void effect(Connection c, long jobId, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + EFFECTS + " (job_id, note) VALUES (?, ?)")) {
            ps.setLong(1, jobId);
            ps.setString(2, note);
            ps.executeUpdate();
        }
    }

    private List<String> effects(long jobId) throws SQLException {
        try (Connection c = fixture().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT note FROM " + EFFECTS + " WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            List<String> notes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    notes.add(rs.getString(1));
                }
            }
            return notes;
        }
    }

    private void sql(String text) throws SQLException {
        try (Connection c = fixture().openConnection(); Statement st = c.createStatement()) {
            st.execute(text);
            c.commit();
        }
    }
}
