package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static dev.baton.storetest.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.InsertedJob;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobState;
import dev.baton.spi.JobStore;
import dev.baton.spi.NewJob;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link JobStore} runs, against a real database, for the job life cycle:
 * insert, claim (queue, limit, order, schedule, readable types and versions), the outcomes of a run
 * (complete, retry, dead) fenced by attempt, unique keys, and transactional enqueue. A subclass supplies
 * the store; {@link StoreConformanceBase} opens, migrates and empties it. The other job suites are
 * {@link JobStoreLeaseConformanceTest} and {@link JobStoreInsertConformanceTest}.
 *
 * <p>Time comes from explicit instants around {@link TestJobs#T0}: no clock, no sleeps.
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
                inserted.id(), "email", 1, "mailers", payload, 3, 1, 5, T0.minusSeconds(1), T0, "2030.1",
                java.util.Map.of()));
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
}
