package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static dev.baton.storetest.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.ArchiveRestoreParams;
import dev.baton.spi.ArchivedJob;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobPurgeParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import dev.baton.spi.ReadableRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
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
 * The conformance suite for purging a type to the archive and restoring it: only pending jobs go, the
 * archive keeps what it takes to enqueue them again, restore makes them claimable, and a purge racing
 * claimers loses and duplicates nothing. A subclass supplies the store; {@link StoreConformanceBase}
 * opens, migrates and empties it.
 */
public abstract class FleetStoreArchiveConformanceTest extends StoreConformanceBase {

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
                                new JobClaimParams("race", readable, 5, owner, runId(), T0, T0.plus(LEASE)));
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

    // ---- helpers

    /** A job that ran once, on a queue of its own, failed, and waits for its retry at T0 + 5s. */
    private long retrying(TestJobs.Builder job) {
        ClaimedJob running = start(job);
        assertThat(store.jobRetry(new JobRetryParams(running.id(), 1, T0.plusSeconds(5), "boom", T0))).isTrue();
        return running.id();
    }
}
