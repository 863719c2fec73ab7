package dev.baton.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A job to insert, fully decided by the caller: the store writes these values as they are.
 *
 * @param type the job type name
 * @param version the payload contract version the payload was written in
 * @param queue the queue to enqueue on
 * @param payload the JSON object, as text
 * @param state {@link JobState#WAITING} or {@link JobState#SCHEDULED}
 * @param priority higher runs first among due jobs of one queue
 * @param maxAttempts runs allowed before the job is dead
 * @param runAt not claimed before this instant
 * @param createdAt enqueue time by the producer's clock
 * @param uniqueKey while a job of this type with this key is not finished, an insert with the same key
 *     inserts nothing and returns the existing job; {@code null} for none
 * @param release the producer's release label, {@code null} when unknown
 * @param forms the same job in older versions, by version, for older workers of a mixed fleet: every
 *     version from the lowest key up to {@code version - 1}, none at or above {@code version}; empty
 *     when every live worker reads {@code version}
 */
public record NewJob(
        String type,
        int version,
        String queue,
        String payload,
        JobState state,
        int priority,
        int maxAttempts,
        Instant runAt,
        Instant createdAt,
        String uniqueKey,
        String release,
        Map<Integer, String> forms) {

    /** A job stored in one form only. */
    public NewJob(String type, int version, String queue, String payload, JobState state, int priority, int maxAttempts,
            Instant runAt, Instant createdAt, String uniqueKey, String release) {
        this(type, version, queue, payload, state, priority, maxAttempts, runAt, createdAt, uniqueKey, release, Map.of());
    }

    public NewJob {
        forms = Map.copyOf(forms);
        PayloadForms.check(version, forms);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (state != JobState.WAITING && state != JobState.SCHEDULED) {
            throw new IllegalArgumentException("a new job is waiting or scheduled, not " + state);
        }
    }

    /** The oldest version this job is stored in: claims match a reader's range against [minVersion, version]. */
    public int minVersion() {
        return PayloadForms.minVersion(version, forms);
    }
}
