package dev.baton.bench;

import dev.baton.Job;

/**
 * The measured job. Its handler only counts it, so a drain measures Baton's own cost per job; {@code n} gives
 * the payload the size of a small real one ({@code {"n":123}}), and the raw reference stores the same text.
 */
@Job(name = "bench-noop", queue = NoopJob.QUEUE)
record NoopJob(long n) {

    static final String TYPE = "bench-noop";
    static final String QUEUE = "bench";
}
