package dev.baton.storetest;

import static dev.baton.storetest.TestJobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.InsertedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import dev.baton.spi.JobStore;
import dev.baton.spi.NewJob;
import dev.baton.spi.NodePresence;
import dev.baton.spi.PresenceOpenParams;
import dev.baton.spi.ReadableRange;
import dev.baton.spi.StoreListener;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What the store suites share: a subclass supplies the store; this class opens it once per class, migrates
 * it, empties it before each test, and offers helpers that insert, claim and run jobs in one line each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class StoreConformanceBase {

    protected static final String OWNER = "node-a";
    protected static final Duration LEASE = Duration.ofSeconds(30);

    private StoreUnderTest fixture;
    private TimeZone savedTimeZone;
    private int queueCounter;

    /** The store under test, migrated and empty at the start of each test. */
    protected JobStore store;

    /** The run every claim of the suite is made by, present for the whole class. */
    private NodePresence run;

    /** A store over a fresh, empty, unmigrated database or schema of its own. Called once per class. */
    protected abstract StoreUnderTest open() throws Exception;

    /**
     * The JVM default time zone to run this class in, or {@code null} to keep the current one. A store
     * should run once in a zone that is not UTC, to prove instants do not shift.
     */
    protected ZoneId defaultTimeZone() {
        return null;
    }

    @BeforeAll
    final void openStore() throws Exception {
        ZoneId zone = defaultTimeZone();
        if (zone != null) {
            savedTimeZone = TimeZone.getDefault();
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
        }
        fixture = open();
        store = fixture.store();
        store.migrate();
        run = store.presenceOpen(new PresenceOpenParams(OWNER));
    }

    /** The suite's run: claims made by it stay claimed until their lease lapses. */
    protected long runId() {
        return run.runId();
    }

    @AfterAll
    final void closeStore() throws Exception {
        try {
            if (run != null) {
                run.close();
            }
            if (fixture != null) {
                fixture.close();
            }
        } finally {
            if (savedTimeZone != null) {
                TimeZone.setDefault(savedTimeZone);
            }
        }
    }

    @BeforeEach
    final void emptyStore() throws Exception {
        fixture.deleteAll();
    }

    protected StoreUnderTest fixture() {
        return fixture;
    }

    /** The store's listener, or the test is skipped, loudly: a store says what it cannot do. */
    protected StoreListener listenerOrSkip() {
        Optional<StoreListener> listener = store.listener();
        if (listener.isEmpty()) {
            System.err.println("*** " + store.name() + " store has no listener (workers poll):"
                    + " listener conformance tests SKIPPED ***");
        }
        Assumptions.assumeTrue(
                listener.isPresent(), store.name() + " store has no listener; listener tests skipped");
        return listener.get();
    }

    protected static ReadableRange range(String type, int min, int max) {
        return new ReadableRange(type, min, max);
    }

    /** Readable ranges covering every type the suite uses, for tests that are not about readability. */
    protected static List<ReadableRange> readAll() {
        return List.of(range("email", 1, 100), range("invoice", 1, 100), range("report", 1, 100));
    }

    protected InsertedJob insertOne(NewJob job) {
        List<InsertedJob> inserted = store.jobInsert(new JobInsertParams(List.of(job), null));
        assertThat(inserted).hasSize(1);
        return inserted.get(0);
    }

    protected List<Long> insert(NewJob... jobs) {
        return store.jobInsert(new JobInsertParams(Arrays.asList(jobs), null)).stream()
                .map(InsertedJob::id)
                .toList();
    }

    protected InsertedJob insertIn(Connection tx, NewJob job) {
        return store.jobInsert(new JobInsertParams(List.of(job), tx)).get(0);
    }

    protected JobRecord get(long id) {
        return store.jobGet(id).orElseThrow(() -> new AssertionError("job " + id + " not found"));
    }

    protected JobClaimParams claimParams(String queue, int limit, Instant now, List<ReadableRange> readable) {
        return new JobClaimParams(queue, readable, limit, OWNER, runId(), now, now.plus(LEASE));
    }

    protected List<ClaimedJob> claim(String queue, int limit, Instant now, ReadableRange... readable) {
        return store.jobClaim(claimParams(queue, limit, now, List.of(readable)));
    }

    protected List<Long> claimIds(String queue, int limit, Instant now, ReadableRange... readable) {
        List<ReadableRange> ranges = readable.length == 0 ? readAll() : List.of(readable);
        return store.jobClaim(claimParams(queue, limit, now, ranges)).stream().map(ClaimedJob::id).toList();
    }

    protected List<Long> listIds(JobListParams params) {
        return store.jobList(params).stream().map(JobRecord::id).toList();
    }

    /** Inserts the job on a queue of its own and claims it at T0 with the default lease. */
    protected ClaimedJob start(TestJobs.Builder job) {
        return start(job, OWNER);
    }

    protected ClaimedJob start(TestJobs.Builder job, String owner) {
        return start(job, owner, T0, T0.plus(LEASE));
    }

    protected ClaimedJob start(TestJobs.Builder job, String owner, Instant now, Instant leaseExpiresAt) {
        return start(job, owner, runId(), now, leaseExpiresAt);
    }

    /** Inserts the job on a queue of its own and claims it by run {@code runId}. */
    protected ClaimedJob start(TestJobs.Builder job, String owner, long runId, Instant now, Instant leaseExpiresAt) {
        String queue = "solo-" + (++queueCounter);
        long id = insertOne(job.queue(queue).build()).id();
        List<ClaimedJob> claimed = store.jobClaim(new JobClaimParams(queue, readAll(), 1, owner, runId, now, leaseExpiresAt));
        assertThat(claimed).extracting(ClaimedJob::id).containsExactly(id);
        return claimed.get(0);
    }

    /** A job that ran once and ended completed or dead at {@code finishedAt}. */
    protected long finish(TestJobs.Builder job, Instant finishedAt, JobState end) {
        ClaimedJob running = start(job);
        boolean done = end == JobState.COMPLETED
                ? store.jobComplete(new JobCompleteParams(running.id(), 1, finishedAt, false))
                : store.jobDead(new JobDeadParams(running.id(), 1, "failed", finishedAt));
        assertThat(done).isTrue();
        return running.id();
    }
}
