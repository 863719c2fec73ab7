package dev.baton;

/**
 * Waiting jobs that no live worker can take, with the reason. Stranded jobs are shown, never failed:
 * they run as soon as a worker that reads them joins the fleet.
 *
 * @param type the stored type name
 * @param version the stored payload version
 * @param queue the queue they wait on
 * @param count how many (waiting, scheduled and retrying)
 * @param reason why no live worker takes them
 * @param explanation one sentence for people, naming what the live fleet does read
 */
public record StrandedJobs(String type, int version, String queue, long count, Reason reason, String explanation) {

    public enum Reason {
        /** No live worker runs this type (under this name or as an alias). */
        NO_WORKER_FOR_TYPE,
        /** Live workers run the type, but none reads this payload version. */
        NO_WORKER_FOR_VERSION,
        /** Live workers read this version, but none claims it from this queue. */
        NO_WORKER_FOR_QUEUE
    }
}
