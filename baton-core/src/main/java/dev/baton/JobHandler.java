package dev.baton;

/**
 * Runs one job. A handler that returns normally completes the job; one that throws schedules a retry
 * (with backoff) until the job's attempts are used up, after which the job is kept as {@code dead}.
 *
 * <p>Delivery is at least once: a handler can see the same job again after a crash or a lapsed lease,
 * so it should be idempotent.
 *
 * @param <T> the job's record type
 */
@FunctionalInterface
public interface JobHandler<T> {

    void handle(T job, JobContext context) throws Exception;
}
