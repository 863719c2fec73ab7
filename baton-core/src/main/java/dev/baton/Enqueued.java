package dev.baton;

/**
 * The result of an enqueue.
 *
 * @param id the stored job's id
 * @param type the job type name
 * @param version the payload version that was written: this producer's own
 * @param duplicate true when a unique key matched an unfinished job: nothing was inserted and
 *     {@code id} is the existing job's
 * @param minVersion the oldest version the job was also stored in, for the older workers of a mixed fleet;
 *     {@code version} when it was stored in one form only
 */
public record Enqueued(long id, String type, int version, boolean duplicate, int minVersion) {

    public Enqueued(long id, String type, int version, boolean duplicate) {
        this(id, type, version, duplicate, version);
    }
}
