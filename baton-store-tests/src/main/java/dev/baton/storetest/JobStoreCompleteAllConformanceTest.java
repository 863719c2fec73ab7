package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static dev.baton.storetest.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobAttempt;
import dev.baton.spi.JobCompleteAllParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Batched completion ({@code jobCompleteAll}): one call completes many runs, each fenced by its own
 * attempt, as the batcher of a busy worker sends them.
 */
public abstract class JobStoreCompleteAllConformanceTest extends StoreConformanceBase {

    private List<ClaimedJob> running(String queue, int jobs) {
        NewJob[] batch = IntStream.range(0, jobs).mapToObj(i -> job("email").queue(queue).build()).toArray(NewJob[]::new);
        insert(batch);
        List<ClaimedJob> claimed = claim(queue, jobs, T0, range("email", 1, 1));
        assertThat(claimed).hasSize(jobs);
        return claimed;
    }

    private static List<JobAttempt> attempts(List<ClaimedJob> jobs) {
        return jobs.stream().map(j -> new JobAttempt(j.id(), j.attempt())).toList();
    }

    @Test
    void completesEveryRunOfTheBatchAndKeepsTheRows() {
        List<ClaimedJob> jobs = running("batch", 5);

        JobCompleteAllParams.Result result = store.jobCompleteAll(
                new JobCompleteAllParams(attempts(jobs), T0.plusSeconds(2), false));

        assertThat(result.held()).containsExactlyInAnyOrderElementsOf(attempts(jobs));
        for (ClaimedJob j : jobs) {
            JobRecord done = get(j.id());
            assertThat(done.state()).isEqualTo(JobState.COMPLETED);
            assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(2));
            assertThat(done.leaseOwner()).isNull();
            assertThat(done.leaseExpiresAt()).isNull();
        }
        assertThat(claim("batch", 10, T0.plusSeconds(100), range("email", 1, 1))).isEmpty();
    }

    @Test
    void withDeleteRemovesEveryRow() {
        List<ClaimedJob> jobs = running("batch-delete", 3);

        JobCompleteAllParams.Result result = store.jobCompleteAll(
                new JobCompleteAllParams(attempts(jobs), T0.plusSeconds(2), true));

        assertThat(result.held()).containsExactlyInAnyOrderElementsOf(attempts(jobs));
        jobs.forEach(j -> assertThat(store.jobGet(j.id())).isEmpty());
    }

    @Test
    void aStaleAttemptInTheBatchChangesNothingAndTheOthersStillComplete() {
        List<ClaimedJob> jobs = running("batch-stale", 3);
        ClaimedJob lost = jobs.get(1);
        // Its lease lapsed and it was taken over: retried, and claimed again as attempt 2.
        assertThat(store.jobRetry(new JobRetryParams(lost.id(), 1, T0, "lease lapsed", T0))).isTrue();
        assertThat(claimIds("batch-stale", 1, T0)).containsExactly(lost.id());
        JobRecord before = get(lost.id());

        JobCompleteAllParams.Result result = store.jobCompleteAll(
                new JobCompleteAllParams(attempts(jobs), T0.plusSeconds(2), false));

        assertThat(result.held()).containsExactlyInAnyOrder(attempts(jobs).get(0), attempts(jobs).get(2));
        assertThat(get(lost.id())).as("the newer run still holds it").isEqualTo(before);
        assertThat(get(jobs.get(0).id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(get(jobs.get(2).id()).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void aBatchLargerThanAnyStatementLimitCompletesWhole() {
        List<ClaimedJob> jobs = new ArrayList<>(running("batch-large", 1200));

        JobCompleteAllParams.Result result = store.jobCompleteAll(
                new JobCompleteAllParams(attempts(jobs), T0.plusSeconds(2), true));

        assertThat(result.held()).hasSize(1200);
        assertThat(store.jobGet(jobs.get(0).id())).isEmpty();
        assertThat(store.jobGet(jobs.get(1199).id())).isEmpty();
    }
}
