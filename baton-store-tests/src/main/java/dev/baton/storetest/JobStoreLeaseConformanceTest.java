package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static dev.baton.storetest.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobLeaseExtendParams;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobPruneParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobReleaseParams;
import dev.baton.spi.JobAttempt;
import dev.baton.spi.JobRescueParams;
import dev.baton.spi.JobRescueResult;
import dev.baton.spi.JobState;
import dev.baton.spi.JobStore;
import dev.baton.spi.NewJob;
import dev.baton.spi.NodePresence;
import dev.baton.spi.PresenceOpenParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for what a {@link JobStore} does around and after runs: leases (extend, rescue
 * when they lapse, release), pruning finished jobs, listing and counting, migrations (again, and two
 * nodes at once) and concurrent claimers. A subclass supplies the store; {@link StoreConformanceBase}
 * opens, migrates and empties it.
 *
 * <p>Time comes from explicit instants around {@link TestJobs#T0}: no clock, no sleeps.
 */
public abstract class JobStoreLeaseConformanceTest extends StoreConformanceBase {

    // ---- leases: extend, rescue, release

    @Test
    void leaseExtendMovesOnlyTheListedAttemptsOfTheRun() {
        // The same node id started again (a StatefulSet pod restarted): a second run, whose heartbeat must
        // never keep the first run's jobs.
        NodePresence restarted = store.presenceOpen(new PresenceOpenParams(OWNER));
        try {
            ClaimedJob a1 = start(job("email"));
            ClaimedJob a2 = start(job("email"));
            ClaimedJob notListed = start(job("email"));
            ClaimedJob ofTheRestart = start(job("email"), OWNER, restarted.runId(), T0, T0.plus(LEASE));
            Instant extended = T0.plusSeconds(300);

            assertThat(store.jobLeaseExtend(new JobLeaseExtendParams(runId(),
                    List.of(attempt(a1), attempt(a2), attempt(ofTheRestart)), extended))).isEqualTo(2);
            assertThat(get(a1.id()).leaseExpiresAt()).isEqualTo(extended);
            assertThat(get(a2.id()).leaseExpiresAt()).isEqualTo(extended);
            assertThat(get(notListed.id()).leaseExpiresAt()).isEqualTo(T0.plus(LEASE));
            assertThat(get(ofTheRestart.id()).leaseExpiresAt()).isEqualTo(T0.plus(LEASE));

            store.jobComplete(new JobCompleteParams(a1.id(), 1, T0, false));
            assertThat(store.jobLeaseExtend(new JobLeaseExtendParams(runId(),
                    List.of(attempt(a1), new JobAttempt(a2.id(), 2)), extended.plusSeconds(1)))).isZero();
            assertThat(get(a1.id()).leaseExpiresAt()).isNull();
            assertThat(store.jobLeaseExtend(new JobLeaseExtendParams(restarted.runId(), List.of(attempt(a2)), extended)))
                    .isZero();
            assertThat(store.jobLeaseExtend(new JobLeaseExtendParams(runId(), List.of(), extended))).isZero();
        } finally {
            restarted.close();
        }
    }

    private static JobAttempt attempt(ClaimedJob job) {
        return new JobAttempt(job.id(), job.attempt());
    }

    @Test
    void rescueRetriesOrKillsJobsWhoseLeaseLapsed() {
        Instant now = T0.plusSeconds(50);
        ClaimedJob hasAttemptsLeft = start(job("email").maxAttempts(3), OWNER, T0, T0.plusSeconds(10));
        ClaimedJob lastAttempt = start(job("email").maxAttempts(1).uniqueKey("once"), OWNER, T0, T0.plusSeconds(10));
        ClaimedJob leaseHeld = start(job("email"), OWNER, T0, T0.plusSeconds(100));
        ClaimedJob expiresNow = start(job("email"), OWNER, T0, now);

        assertThat(store.jobRescue(new JobRescueParams(now, 10))).isEqualTo(new JobRescueResult(1, 1));

        JobRecord retried = get(hasAttemptsLeft.id());
        assertThat(retried.state()).isEqualTo(JobState.RETRYING);
        assertThat(retried.runAt()).isEqualTo(now);
        assertThat(retried.attempt()).isEqualTo(1);
        assertThat(retried.leaseOwner()).isNull();
        assertThat(retried.leaseExpiresAt()).isNull();
        assertThat(retried.finishedAt()).isNull();
        assertThat(retried.lastError()).contains("lease expired after attempt 1").contains("heartbeat");

        JobRecord dead = get(lastAttempt.id());
        assertThat(dead.state()).isEqualTo(JobState.DEAD);
        assertThat(dead.finishedAt()).isEqualTo(now);
        assertThat(dead.leaseOwner()).isNull();
        assertThat(dead.lastError()).contains("lease expired after attempt 1");
        assertThat(insertOne(job("email").uniqueKey("once").build()).duplicate()).isFalse();

        for (ClaimedJob untouched : List.of(leaseHeld, expiresNow)) {
            assertThat(get(untouched.id()).state()).isEqualTo(JobState.RUNNING);
            assertThat(get(untouched.id()).leaseOwner()).isEqualTo(OWNER);
        }
        assertThat(claimIds(hasAttemptsLeft.queue(), 1, now)).containsExactly(hasAttemptsLeft.id());
        assertThat(get(hasAttemptsLeft.id()).attempt()).isEqualTo(2);
    }

    @Test
    void rescueRespectsTheLimit() {
        for (int i = 0; i < 3; i++) {
            start(job("email"), OWNER, T0, T0.plusSeconds(1));
        }
        Instant now = T0.plusSeconds(60);
        assertThat(store.jobRescue(new JobRescueParams(now, 2)).total()).isEqualTo(2);
        assertThat(store.jobRescue(new JobRescueParams(now, 2)).total()).isEqualTo(1);
        assertThat(store.jobRescue(new JobRescueParams(now, 2))).isEqualTo(new JobRescueResult(0, 0));
    }

    @Test
    void releaseHandsJobsBackWithoutCountingTheAttempt() {
        ClaimedJob first = start(job("email"));
        ClaimedJob second = start(job("email"));
        ClaimedJob kept = start(job("email"));
        Instant now = T0.plusSeconds(5);

        int released = store.jobRelease(new JobReleaseParams(
                List.of(new JobAttempt(first.id(), 1), new JobAttempt(second.id(), 1), new JobAttempt(kept.id(), 7)),
                now));

        assertThat(released).isEqualTo(2);
        for (ClaimedJob job : List.of(first, second)) {
            JobRecord r = get(job.id());
            assertThat(r.state()).isEqualTo(JobState.WAITING);
            assertThat(r.attempt()).isZero();
            assertThat(r.runAt()).isEqualTo(now);
            assertThat(r.leaseOwner()).isNull();
            assertThat(r.leaseExpiresAt()).isNull();
        }
        assertThat(get(kept.id()).state()).isEqualTo(JobState.RUNNING);
        List<ClaimedJob> again = claim(first.queue(), 1, now, range("email", 1, 1));
        assertThat(again).extracting(ClaimedJob::attempt).containsExactly(1);
        assertThat(store.jobRelease(new JobReleaseParams(List.of(), now))).isZero();
    }

    // ---- prune

    @Test
    void pruneDeletesOnlyOldFinishedJobsOfTheState() {
        long old = finish(job("email"), T0.plusSeconds(10), JobState.COMPLETED);
        long older = finish(job("email"), T0.plusSeconds(20), JobState.COMPLETED);
        long recent = finish(job("email"), T0.plusSeconds(30), JobState.COMPLETED);
        long oldDead = finish(job("email"), T0.plusSeconds(10), JobState.DEAD);
        long waiting = insertOne(job("email").build()).id();
        ClaimedJob running = start(job("email"));

        assertThat(store.jobPrune(new JobPruneParams(JobState.COMPLETED, T0.plusSeconds(25), 10))).isEqualTo(2);
        assertThat(store.jobGet(old)).isEmpty();
        assertThat(store.jobGet(older)).isEmpty();
        for (long id : List.of(recent, oldDead, waiting, running.id())) {
            assertThat(store.jobGet(id)).isPresent();
        }
        assertThat(store.jobPrune(new JobPruneParams(JobState.DEAD, T0.plusSeconds(10), 10))).isZero();
        assertThat(store.jobPrune(new JobPruneParams(JobState.DEAD, T0.plusSeconds(11), 10))).isEqualTo(1);
        assertThat(store.jobGet(oldDead)).isEmpty();
    }

    @Test
    void pruneRespectsTheLimit() {
        for (int i = 0; i < 3; i++) {
            finish(job("email"), T0.plusSeconds(i), JobState.COMPLETED);
        }
        JobPruneParams prune = new JobPruneParams(JobState.COMPLETED, T0.plusSeconds(100), 2);
        assertThat(store.jobPrune(prune)).isEqualTo(2);
        assertThat(store.jobPrune(prune)).isEqualTo(1);
        assertThat(store.jobPrune(prune)).isZero();
    }

    // ---- inspection

    @Test
    void jobListFiltersAndPagesNewestFirst() {
        long e1 = insertOne(job("email").queue("a").build()).id();
        long r1 = insertOne(job("report").queue("b").build()).id();
        long e2 = insertOne(job("email").queue("b").build()).id();
        long e3 = insertOne(job("email").queue("a").build()).id();
        long r2 = insertOne(job("report").queue("a").build()).id();
        assertThat(claimIds("a", 1, T0, range("email", 1, 1))).containsExactly(e1);

        assertThat(listIds(JobListParams.all(10))).containsExactly(r2, e3, e2, r1, e1);
        assertThat(listIds(new JobListParams("email", null, null, null, 10))).containsExactly(e3, e2, e1);
        assertThat(listIds(new JobListParams(null, "a", null, null, 10))).containsExactly(r2, e3, e1);
        assertThat(listIds(new JobListParams(null, null, JobState.RUNNING, null, 10))).containsExactly(e1);
        assertThat(listIds(new JobListParams("email", "a", JobState.WAITING, null, 10))).containsExactly(e3);

        assertThat(listIds(JobListParams.all(2))).containsExactly(r2, e3);
        assertThat(listIds(new JobListParams(null, null, null, e3, 2))).containsExactly(e2, r1);
        assertThat(listIds(new JobListParams(null, null, null, r1, 2))).containsExactly(e1);
        assertThat(listIds(new JobListParams(null, null, null, e1, 2))).isEmpty();
        assertThat(listIds(new JobListParams("email", null, null, e3, 10))).containsExactly(e2, e1);

        JobRecord listed = store.jobList(new JobListParams(null, null, JobState.RUNNING, null, 1)).get(0);
        assertThat(listed).isEqualTo(get(e1));
    }

    @Test
    void jobCountGroupsByTypeVersionQueueAndState() {
        insert(job("email").queue("a").build(), job("email").queue("a").build(),
                job("email").version(2).queue("a").build(), job("report").queue("b").build());
        claimIds("a", 1, T0, range("email", 1, 1));
        long done = insertOne(job("report").queue("b-done").build()).id();
        assertThat(claimIds("b-done", 1, T0)).containsExactly(done);
        store.jobDead(new JobDeadParams(done, 1, "failed", T0));

        assertThat(store.jobCount()).containsExactlyInAnyOrder(
                new JobCount("email", 1, "a", JobState.WAITING, 1),
                new JobCount("email", 1, "a", JobState.RUNNING, 1),
                new JobCount("email", 2, "a", JobState.WAITING, 1),
                new JobCount("report", 1, "b", JobState.WAITING, 1),
                new JobCount("report", 1, "b-done", JobState.DEAD, 1));
    }

    // ---- migrations

    @Test
    void migrateAgainIsANoOp() {
        long id = insertOne(job("email").build()).id();
        store.migrate();
        store.migrate();
        assertThat(get(id).state()).isEqualTo(JobState.WAITING);
        assertThat(claimIds("default", 1, T0)).containsExactly(id);
    }

    @Test
    void twoNodesMigratingAFreshDatabaseAtOnceBothSucceed() throws Exception {
        try (StoreUnderTest fresh = open(); JobStore secondNode = fresh.openAnotherStore()) {
            List<JobStore> nodes = List.of(fresh.store(), secondNode, fresh.store());
            CyclicBarrier start = new CyclicBarrier(nodes.size());
            ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
            try {
                List<Future<?>> results = new ArrayList<>();
                for (JobStore node : nodes) {
                    results.add(pool.submit(() -> {
                        start.await();
                        node.migrate();
                        return null;
                    }));
                }
                for (Future<?> result : results) {
                    result.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            long id = fresh.store().jobInsert(new JobInsertParams(List.of(job("email").build()), null)).get(0).id();
            assertThat(secondNode.jobGet(id)).isPresent();
            fresh.store().migrate();
        }
    }

    // ---- concurrency

    @Test
    void concurrentClaimersGetEveryJobExactlyOnce() throws Exception {
        int jobs = 1_000;
        List<Long> ids = insert(IntStream.range(0, jobs).mapToObj(i -> job("email").queue("race").build())
                .toArray(NewJob[]::new));
        int threads = 4;
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String owner = "node-" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        List<ClaimedJob> batch = store.jobClaim(new JobClaimParams("race",
                                List.of(range("email", 1, 1)), 10, owner, runId(), T0, T0.plus(LEASE)));
                        if (batch.isEmpty()) {
                            return null;
                        }
                        batch.forEach(j -> claimed.add(j.id()));
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimed).hasSize(jobs).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(claimIds("race", 10, T0)).isEmpty();
    }
}
