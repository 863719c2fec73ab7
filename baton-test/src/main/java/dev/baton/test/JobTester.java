package dev.baton.test;

import dev.baton.JobContext;
import dev.baton.JobHandler;
import dev.baton.JobSettings;
import dev.baton.PayloadException;
import dev.baton.Payloads;
import dev.baton.internal.JobTypeInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * Runs a job in a test the way a node runs it: the job is written to JSON and read back through the real
 * codec, contract and casters before the handler sees it, so a field that does not survive JSON fails the
 * test instead of a job in production.
 *
 * <pre>{@code
 * JobTester.perform(new UserConfirmation(42, "hi", LocalDate.now()), handler);
 * JobTester.perform(new UserConfirmation(42, "hi", LocalDate.now()), 1, handler);  // as an N worker's v1 payload
 * }</pre>
 *
 * <p>Failures are {@link AssertionError}s, so it works under any test framework.
 */
public final class JobTester {

    /** The release label the test context reports as having enqueued the job. */
    public static final String ENQUEUED_BY = "test";

    private JobTester() {}

    /**
     * Writes the job as its current version and reads it back, as enqueue and a worker of this build would.
     *
     * @return the job as a worker would receive it
     * @throws AssertionError when it cannot be written or read back, or when what is read back differs from
     *     the job (a value JSON does not keep); the message names the component, both values and the payload
     */
    public static <T> T roundTrip(T job) {
        Objects.requireNonNull(job, "job");
        return roundTrip(job, info(job).version());
    }

    /**
     * Writes the job as {@code version} through the record's downcasters and reads it back through its
     * upcasters: what a worker of this build receives from a producer that writes for an older fleet. At
     * an older version, fields may legitimately change on the way (a downcaster drops what the old
     * version lacks); the result is returned for the test to check. At the current version, it must equal
     * the job, as in {@link #roundTrip(Object)}.
     *
     * @throws AssertionError when the job cannot be written as {@code version} (no {@code @Downcast}
     *     reaches it) or does not read back
     */
    public static <T> T roundTrip(T job, int version) {
        Objects.requireNonNull(job, "job");
        JobTypeInfo info = info(job);
        @SuppressWarnings("unchecked") // a record class is final: getClass() is T itself
        Class<T> record = (Class<T>) job.getClass();
        String json;
        try {
            json = Payloads.write(job, version);
        } catch (PayloadException e) {
            throw new AssertionError(label(info, version) + " cannot be written: " + e.getMessage(), e);
        }
        T read;
        try {
            read = Payloads.read(record, version, json);
        } catch (PayloadException e) {
            throw new AssertionError(label(info, version) + " does not read back: " + e.getMessage()
                    + "\n  written as " + json, e);
        }
        if (version == info.version()) {
            RoundTripDifference difference = RoundTripDifference.between(job, read);
            if (difference != null) {
                throw new AssertionError(label(info, version) + " does not survive JSON: " + difference
                        + "\n  written as " + json
                        + "\n  a worker would run with the value read back; use a type JSON keeps exactly");
            }
        }
        return read;
    }

    /**
     * Round-trips the job at its current version, then runs the handler with it and a context for a first
     * attempt. Exceptions from the handler propagate as they are.
     *
     * @throws AssertionError when the round trip fails; the handler is not called then
     * @throws Exception whatever the handler throws
     */
    public static <T> void perform(T job, JobHandler<? super T> handler) throws Exception {
        Objects.requireNonNull(job, "job");
        perform(job, info(job).version(), handler);
    }

    /**
     * Like {@link #perform(Object, JobHandler)}, with the job stored as an older {@code version}: the handler
     * gets what the downcasters and upcasters make of it, and a context whose {@code version()} is
     * {@code version}, as stored.
     */
    public static <T> void perform(T job, int version, JobHandler<? super T> handler) throws Exception {
        Objects.requireNonNull(handler, "handler");
        T read = roundTrip(job, version);
        JobTypeInfo info = info(job);
        handler.handle(read, new TestContext(1, info.name(), version, info.queue(), 1,
                JobSettings.DEFAULT_MAX_ATTEMPTS, Instant.now(), ENQUEUED_BY, false));
    }

    private static JobTypeInfo info(Object job) {
        return JobTypeInfo.of(job.getClass());
    }

    private static String label(JobTypeInfo info, int version) {
        return info.recordClass().getSimpleName() + " (" + info.name() + " v" + version + ")";
    }

    /** The context of a first attempt, as a worker builds it for a freshly claimed job. */
    private record TestContext(long id, String type, int version, String queue, int attempt, int maxAttempts,
            Instant createdAt, String enqueuedBy, boolean isCancelled) implements JobContext {}
}
