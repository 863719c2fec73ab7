package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static dev.baton.storetest.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.InsertedJob;
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
import dev.baton.spi.JobReleaseParams.JobAttempt;
import dev.baton.spi.JobRescueParams;
import dev.baton.spi.JobRescueResult;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobState;
import dev.baton.spi.JobStore;
import dev.baton.spi.NewJob;
import dev.baton.spi.StoreListener;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link JobStore} runs, against a real database, for the job life cycle. A
 * subclass supplies the store; {@link StoreConformanceBase} opens, migrates and empties it.
 *
 * <p>Time comes from explicit instants around {@link TestJobs#T0}: no clock, no sleeps. Waits (listener
 * tests only) are on conditions, with Awaitility.
 */
public abstract class JobStoreConformanceTest extends StoreConformanceBase {

    // ---- insert, claim, complete

    @Test
    void insertClaimCompleteKeepsTheJob() {
        String payload = "{\"to\":\"ada@example.com\",\"n\":1}";
        NewJob newJob = job("email").queue("mailers").payload(payload).priority(3).maxAttempts(5)
                .createdAt(T0.minusSeconds(1)).release("2030.1").build();
        InsertedJob inserted = insertOne(newJob);
        assertThat(inserted.duplicate()).isFalse();

        JobRecord waiting = get(inserted.id());
        assertThat(waiting).isEqualTo(new JobRecord(inserted.id(), "email", 1, "mailers", JobState.WAITING, payload,
                3, 0, 5, T0.minusSeconds(1), T0, null, null, null, null, null, "2030.1", null));

        Instant now = T0.plusSeconds(1);
        List<ClaimedJob> claimed = claim("mailers", 10, now, range("email", 1, 1));
        assertThat(claimed).containsExactly(new ClaimedJob(
                inserted.id(), "email", 1, "mailers", payload, 3, 1, 5, T0.minusSeconds(1), T0, "2030.1"));
        JobRecord running = get(inserted.id());
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.attempt()).isEqualTo(1);
        assertThat(running.attemptedAt()).isEqualTo(now);
        assertThat(running.leaseOwner()).isEqualTo(OWNER);
        assertThat(running.leaseExpiresAt()).isEqualTo(now.plus(LEASE));
        assertThat(claim("mailers", 10, now, range("email", 1, 1))).isEmpty();

        assertThat(store.jobComplete(new JobCompleteParams(inserted.id(), 1, T0.plusSeconds(2), false))).isTrue();
        JobRecord completed = get(inserted.id());
        assertThat(completed.state()).isEqualTo(JobState.COMPLETED);
        assertThat(completed.finishedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(completed.attempt()).isEqualTo(1);
        assertThat(completed.leaseOwner()).isNull();
        assertThat(completed.leaseExpiresAt()).isNull();
        assertThat(claim("mailers", 10, T0.plusSeconds(100), range("email", 1, 1))).isEmpty();
    }

    @Test
    void completeWithDeleteRemovesTheJob() {
        ClaimedJob running = start(job("email"));
        assertThat(store.jobComplete(new JobCompleteParams(running.id(), 1, T0.plusSeconds(2), true))).isTrue();
        assertThat(store.jobGet(running.id())).isEmpty();
    }

    @Test
    void claimsOnlyItsQueueAndAtMostTheLimit() {
        List<Long> ids = insert(job("email").queue("a").build(), job("email").queue("a").build(),
                job("email").queue("a").build(), job("email").queue("b").build());
        assertThat(claimIds("a", 2, T0)).containsExactly(ids.get(0), ids.get(1));
        assertThat(claimIds("a", 2, T0)).containsExactly(ids.get(2));
        assertThat(get(ids.get(3)).state()).isEqualTo(JobState.WAITING);
    }

    @Test
    void claimOrderIsPriorityThenRunAtThenId() {
        long lowEarly = insertOne(job("email").priority(0).runAt(T0).build()).id();
        long highLate = insertOne(job("email").priority(5).runAt(T0.plusSeconds(2)).build()).id();
        long highEarly = insertOne(job("email").priority(5).runAt(T0.plusSeconds(1)).build()).id();
        long lowEarlyLater = insertOne(job("email").priority(0).runAt(T0).build()).id();
        long highEarlyLater = insertOne(job("email").priority(5).runAt(T0.plusSeconds(1)).build()).id();
        long negative = insertOne(job("email").priority(-1).runAt(T0.minusSeconds(60)).build()).id();

        Instant now = T0.plusSeconds(10);
        assertThat(claimIds("default", 2, now)).containsExactly(highEarly, highEarlyLater);
        assertThat(claimIds("default", 10, now)).containsExactly(highLate, lowEarly, lowEarlyLater, negative);
    }

    @Test
    void scheduledJobIsClaimedOnlyOnceDue() {
        long id = insertOne(job("email").scheduledAt(T0.plusSeconds(60)).build()).id();
        assertThat(get(id).state()).isEqualTo(JobState.SCHEDULED);
        assertThat(claimIds("default", 10, T0)).isEmpty();
        assertThat(claimIds("default", 10, T0.plusSeconds(60).minusNanos(1000))).isEmpty();
        assertThat(get(id).attempt()).isZero();
        assertThat(claimIds("default", 10, T0.plusSeconds(60))).containsExactly(id);
    }

    @Test
    void claimsOnlyReadableTypesAndVersions() {
        long a1 = insertOne(job("invoice").version(1).build()).id();
        long a2 = insertOne(job("invoice").version(2).build()).id();
        long a3 = insertOne(job("invoice").version(3).build()).id();
        long b1 = insertOne(job("report").version(1).build()).id();

        assertThat(store.jobClaim(claimParams("default", 10, T0, List.of()))).isEmpty();
        assertThat(claimIds("default", 10, T0, range("invoice", 1, 2))).containsExactly(a1, a2);
        for (long id : List.of(a3, b1)) {
            assertThat(get(id).state()).isEqualTo(JobState.WAITING);
            assertThat(get(id).attempt()).isZero();
        }
        assertThat(claimIds("default", 10, T0, range("invoice", 4, 9), range("other", 1, 3))).isEmpty();
        assertThat(claimIds("default", 10, T0, range("report", 1, 1), range("invoice", 3, 3)))
                .containsExactly(a3, b1);
    }

    // ---- retry, dead, fencing

    @Test
    void retryKeepsTheAttemptAndMakesTheJobClaimableWhenDue() {
        ClaimedJob running = start(job("email").maxAttempts(3));
        Instant retryAt = T0.plusSeconds(30);
        assertThat(store.jobRetry(new JobRetryParams(running.id(), 1, retryAt, "boom\n\tat Foo.bar", T0.plusSeconds(1))))
                .isTrue();

        JobRecord retrying = get(running.id());
        assertThat(retrying.state()).isEqualTo(JobState.RETRYING);
        assertThat(retrying.runAt()).isEqualTo(retryAt);
        assertThat(retrying.lastError()).isEqualTo("boom\n\tat Foo.bar");
        assertThat(retrying.attempt()).isEqualTo(1);
        assertThat(retrying.leaseOwner()).isNull();
        assertThat(retrying.leaseExpiresAt()).isNull();
        assertThat(retrying.finishedAt()).isNull();

        assertThat(claim(running.queue(), 10, retryAt.minusSeconds(1), range("email", 1, 1))).isEmpty();
        List<ClaimedJob> again = claim(running.queue(), 10, retryAt, range("email", 1, 1));
        assertThat(again).extracting(ClaimedJob::id, ClaimedJob::attempt).containsExactly(tuple(running.id(), 2));
    }

    @Test
    void deadJobIsKeptWithItsError() {
        ClaimedJob running = start(job("email"));
        assertThat(store.jobDead(new JobDeadParams(running.id(), 1, "gave up: bad input", T0.plusSeconds(3))))
                .isTrue();
        JobRecord dead = get(running.id());
        assertThat(dead.state()).isEqualTo(JobState.DEAD);
        assertThat(dead.finishedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(dead.lastError()).isEqualTo("gave up: bad input");
        assertThat(dead.leaseOwner()).isNull();
        assertThat(dead.leaseExpiresAt()).isNull();
        assertThat(claim(running.queue(), 10, T0.plusSeconds(100), range("email", 1, 1))).isEmpty();
    }

    @Test
    void staleAttemptsChangeNothing() {
        ClaimedJob running = start(job("email"));
        JobRecord before = get(running.id());

        assertThat(store.jobComplete(new JobCompleteParams(running.id(), 2, T0, false))).isFalse();
        assertThat(store.jobComplete(new JobCompleteParams(running.id(), 0, T0, true))).isFalse();
        assertThat(store.jobRetry(new JobRetryParams(running.id(), 0, T0, "stale", T0))).isFalse();
        assertThat(store.jobDead(new JobDeadParams(running.id(), 2, "stale", T0))).isFalse();
        assertThat(get(running.id())).isEqualTo(before);

        // A run whose job was retried and claimed again no longer holds it.
        assertThat(store.jobRetry(new JobRetryParams(running.id(), 1, T0, "first failure", T0))).isTrue();
        assertThat(claimIds(running.queue(), 1, T0)).containsExactly(running.id());
        assertThat(store.jobComplete(new JobCompleteParams(running.id(), 1, T0, false))).isFalse();
        assertThat(store.jobDead(new JobDeadParams(running.id(), 1, "late", T0))).isFalse();
        assertThat(store.jobComplete(new JobCompleteParams(running.id(), 2, T0, false))).isTrue();
        // Finished: no attempt holds it any more.
        assertThat(store.jobRetry(new JobRetryParams(running.id(), 2, T0, "after the end", T0))).isFalse();
        assertThat(get(running.id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(get(running.id()).lastError()).isEqualTo("first failure");
    }

    @Test
    void waitingJobCannotBeCompleted() {
        long id = insertOne(job("email").build()).id();
        assertThat(store.jobComplete(new JobCompleteParams(id, 0, T0, false))).isFalse();
        assertThat(store.jobComplete(new JobCompleteParams(id, 0, T0, true))).isFalse();
        assertThat(get(id).state()).isEqualTo(JobState.WAITING);
        assertThat(store.jobComplete(new JobCompleteParams(id + 1_000_000, 1, T0, false))).isFalse();
    }

    // ---- unique keys

    @Test
    void duplicateUniqueKeyReturnsTheExistingJob() {
        InsertedJob first = insertOne(job("email").uniqueKey("user-42").build());
        assertThat(first.duplicate()).isFalse();
        assertThat(insertOne(job("email").uniqueKey("user-42").payload("{\"other\":1}").build()))
                .isEqualTo(new InsertedJob(first.id(), true));
        InsertedJob otherType = insertOne(job("report").uniqueKey("user-42").build());
        assertThat(otherType.duplicate()).isFalse();
        assertThat(otherType.id()).isNotEqualTo(first.id());
        assertThat(get(first.id()).uniqueKey()).isEqualTo("user-42");
        assertThat(get(first.id()).payload()).isEqualTo("{}");
        assertThat(store.jobList(JobListParams.all(10))).hasSize(2);

        // Within one batch, the second is a duplicate of the first.
        List<InsertedJob> batch = store.jobInsert(new JobInsertParams(List.of(
                job("email").uniqueKey("user-7").build(),
                job("email").build(),
                job("email").uniqueKey("user-7").build()), null));
        assertThat(batch.get(0).duplicate()).isFalse();
        assertThat(batch.get(1).duplicate()).isFalse();
        assertThat(batch.get(2)).isEqualTo(new InsertedJob(batch.get(0).id(), true));
    }

    @Test
    void uniqueKeyIsHeldUntilTheJobFinishes() {
        ClaimedJob running = start(job("email").uniqueKey("k"));
        assertThat(insertOne(job("email").uniqueKey("k").build())).isEqualTo(new InsertedJob(running.id(), true));
        store.jobRetry(new JobRetryParams(running.id(), 1, T0.plusSeconds(5), "again", T0));
        assertThat(insertOne(job("email").uniqueKey("k").build())).isEqualTo(new InsertedJob(running.id(), true));

        assertThat(claimIds(running.queue(), 1, T0.plusSeconds(5))).containsExactly(running.id());
        store.jobComplete(new JobCompleteParams(running.id(), 2, T0.plusSeconds(6), false));
        InsertedJob afterComplete = insertOne(job("email").queue("after-complete").uniqueKey("k").build());
        assertThat(afterComplete.duplicate()).isFalse();
        assertThat(afterComplete.id()).isNotEqualTo(running.id());
        assertThat(get(running.id()).uniqueKey()).isEqualTo("k");

        assertThat(claimIds("after-complete", 1, T0)).containsExactly(afterComplete.id());
        store.jobDead(new JobDeadParams(afterComplete.id(), 1, "dead", T0));
        InsertedJob afterDead = insertOne(job("email").uniqueKey("k").build());
        assertThat(afterDead.duplicate()).isFalse();
        assertThat(afterDead.id()).isNotIn(running.id(), afterComplete.id());
    }

    @Test
    void uniqueKeysWithinACallerTransaction() throws Exception {
        try (Connection tx = fixture().openConnection()) {
            InsertedJob first = insertIn(tx, job("email").uniqueKey("tx-key").build());
            assertThat(first.duplicate()).isFalse();
            assertThat(insertIn(tx, job("email").uniqueKey("tx-key").build()))
                    .isEqualTo(new InsertedJob(first.id(), true));
            // The duplicate did not break the caller's transaction.
            InsertedJob plain = insertIn(tx, job("report").build());
            tx.commit();
            assertThat(get(first.id()).state()).isEqualTo(JobState.WAITING);
            assertThat(get(plain.id()).type()).isEqualTo("report");
            assertThat(insertOne(job("email").uniqueKey("tx-key").build()))
                    .isEqualTo(new InsertedJob(first.id(), true));

            InsertedJob rolledBack = insertIn(tx, job("email").uniqueKey("rolled-back").build());
            tx.rollback();
            assertThat(store.jobGet(rolledBack.id())).isEmpty();
            assertThat(insertOne(job("email").uniqueKey("rolled-back").build()).duplicate()).isFalse();
        }
    }

    // ---- leases: extend, rescue, release

    @Test
    void leaseExtendMovesEveryLeaseOfTheOwner() {
        ClaimedJob a1 = start(job("email"), "node-a");
        ClaimedJob a2 = start(job("email"), "node-a");
        ClaimedJob b1 = start(job("email"), "node-b");
        Instant extended = T0.plusSeconds(300);

        assertThat(store.jobLeaseExtend(new JobLeaseExtendParams("node-a", extended))).isEqualTo(2);
        assertThat(get(a1.id()).leaseExpiresAt()).isEqualTo(extended);
        assertThat(get(a2.id()).leaseExpiresAt()).isEqualTo(extended);
        assertThat(get(b1.id()).leaseExpiresAt()).isEqualTo(T0.plus(LEASE));

        store.jobComplete(new JobCompleteParams(a1.id(), 1, T0, false));
        assertThat(store.jobLeaseExtend(new JobLeaseExtendParams("node-a", extended.plusSeconds(1)))).isEqualTo(1);
        assertThat(get(a1.id()).leaseExpiresAt()).isNull();
        assertThat(store.jobLeaseExtend(new JobLeaseExtendParams("node-gone", extended))).isZero();
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

    // ---- bulk and payloads

    @Test
    void bulkInsertReturnsIdsInInputOrderAndAllAreClaimable() {
        int n = 2_000;
        List<NewJob> jobs = IntStream.range(0, n)
                .mapToObj(i -> job("email").queue("bulk").payload("{\"n\":" + i + "}").build())
                .toList();
        List<InsertedJob> inserted = store.jobInsert(new JobInsertParams(jobs, null));

        assertThat(inserted).hasSize(n).noneMatch(InsertedJob::duplicate);
        List<Long> ids = inserted.stream().map(InsertedJob::id).toList();
        assertThat(new HashSet<>(ids)).hasSize(n);
        Map<Long, String> payloads = store.jobList(JobListParams.all(n + 10)).stream()
                .collect(Collectors.toMap(JobRecord::id, JobRecord::payload));
        assertThat(payloads).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(payloads.get(ids.get(i))).as("payload of job %d", i).isEqualTo("{\"n\":" + i + "}");
        }
        List<Long> claimed = claimIds("bulk", n, T0);
        assertThat(claimed).hasSize(n).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void bulkInsertMixingUniqueKeysKeepsInputOrder() {
        long existing = insertOne(job("email").uniqueKey("taken").build()).id();
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            if (i == 3 || i == 700) {
                jobs.add(job("email").uniqueKey("fresh-" + i).payload("{\"n\":" + i + "}").build());
            } else if (i == 900) {
                jobs.add(job("email").uniqueKey("taken").payload("{\"n\":" + i + "}").build());
            } else {
                jobs.add(job("email").payload("{\"n\":" + i + "}").build());
            }
        }
        List<InsertedJob> inserted = store.jobInsert(new JobInsertParams(jobs, null));
        assertThat(inserted).hasSize(jobs.size());
        assertThat(inserted.get(900)).isEqualTo(new InsertedJob(existing, true));
        for (int i = 0; i < jobs.size(); i++) {
            if (i != 900) {
                assertThat(inserted.get(i).duplicate()).isFalse();
                assertThat(get(inserted.get(i).id()).payload()).isEqualTo("{\"n\":" + i + "}");
            }
        }
    }

    @Test
    void twoMegabytePayloadRoundTrips() {
        String payload = "{\"blob\":\"" + "0123456789abcdef".repeat(2 * 1024 * 1024 / 16) + "\"}";
        long id = insertOne(job("email").payload(payload).build()).id();
        assertThat(get(id).payload()).isEqualTo(payload);
        List<ClaimedJob> claimed = claim("default", 1, T0, range("email", 1, 1));
        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).payload()).isEqualTo(payload);
    }

    @Test
    void unicodePayloadRoundTripsByteForByte() {
        String payload = "{\"latin\":\"héllo wörld ß\",\"cjk\":\"日本語の文\",\"emoji\":\"🎉👩‍👩‍👧 🇺🇳\","
                + "\"rtl\":\"שלום مرحبا\",\"combining\":\"e\u0301\",\"escaped\":\"\\u0000\\n\\\"\",\"tab\":\"\t\"}";
        long id = insertOne(job("email").payload(payload).uniqueKey("ключ-🔑").release("rélease").build()).id();
        JobRecord r = get(id);
        assertThat(r.payload().getBytes(StandardCharsets.UTF_8)).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(r.uniqueKey()).isEqualTo("ключ-🔑");
        assertThat(r.release()).isEqualTo("rélease");
        assertThat(claim("default", 1, T0, range("email", 1, 1)).get(0).payload().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void instantsRoundTripExactlyToTheMicrosecond() {
        Instant created = Instant.parse("1999-12-31T23:59:59.999999Z");
        Instant runAt = Instant.parse("2030-06-15T12:34:56.000001Z"); // summer time where there is any
        long id = insertOne(job("email").createdAt(created).runAt(runAt).build()).id();
        JobRecord r = get(id);
        assertThat(r.createdAt()).isEqualTo(created);
        assertThat(r.runAt()).isEqualTo(runAt);
        assertThat(claimIds("default", 1, runAt.minusNanos(1000))).isEmpty();
        assertThat(claimIds("default", 1, runAt)).containsExactly(id);
    }

    // ---- transactions

    @Test
    void transactionalEnqueueExistsOnlyIfTheCallerCommits() throws Exception {
        try (Connection tx = fixture().openConnection()) {
            InsertedJob rolledBack = insertIn(tx, job("email").queue("tx").build());
            assertThat(tx.isClosed()).isFalse();
            assertThat(store.jobGet(rolledBack.id())).as("uncommitted job visible outside").isEmpty();
            assertThat(claimIds("tx", 10, T0)).isEmpty();
            tx.rollback();
            assertThat(store.jobGet(rolledBack.id())).isEmpty();
            assertThat(claimIds("tx", 10, T0)).isEmpty();

            InsertedJob committed = insertIn(tx, job("email").queue("tx").build());
            assertThat(claimIds("tx", 10, T0)).isEmpty();
            tx.commit();
            assertThat(claimIds("tx", 10, T0)).containsExactly(committed.id());
        }
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
                                List.of(range("email", 1, 1)), 10, owner, T0, T0.plus(LEASE)));
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

    // ---- listener

    @Test
    void listenerDeliversTheQueueOfACommittedInsert() throws Exception {
        StoreListener listener = listenerOrSkip();
        Set<String> woken = ConcurrentHashMap.newKeySet();
        AutoCloseable subscription = listener.listen(woken::add);
        try {
            awaitWakeUp(woken, "wake-me");
        } finally {
            subscription.close();
        }
    }

    @Test
    void listenerIsNotWokenByARolledBackInsert() throws Exception {
        StoreListener listener = listenerOrSkip();
        Set<String> woken = ConcurrentHashMap.newKeySet();
        AutoCloseable subscription = listener.listen(woken::add);
        try (Connection tx = fixture().openConnection()) {
            insertIn(tx, job("email").queue("rolled-back").build());
            tx.rollback();
            // Wake-ups arrive in commit order: once a later commit's has arrived, the rolled-back one never will.
            awaitWakeUp(woken, "committed");
            assertThat(woken).doesNotContain("rolled-back");
        } finally {
            subscription.close();
        }
    }

    /**
     * Wake-ups are hints that may be lost, for instance while the listener is still connecting: insert
     * again on each poll until one arrives.
     */
    private void awaitWakeUp(Set<String> woken, String queue) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (woken.contains(queue)) {
                return true;
            }
            insertOne(job("email").queue(queue).build());
            return false;
        });
    }
}
