package dev.baton.bench;

import dev.baton.Job;

/**
 * The rows that sit in the drained queue without being due: enqueued a year ahead, in the same queue as
 * {@link NoopJob}, so that every claim of the drain has them in its path. A type of its own keeps them out of
 * the drain's counts; its handler is registered, so they are not stranded, and it must never run.
 */
@Job(name = "bench-scheduled", queue = NoopJob.QUEUE)
record ScheduledJob(long n) {

    static final String TYPE = "bench-scheduled";
}
