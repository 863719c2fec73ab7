package dev.baton.bench;

import dev.baton.Baton;
import dev.baton.BatonBuilder;
import dev.baton.jdbc.JdbcStore;
import java.time.Duration;

/** The Baton nodes of the measurements, with Baton's default settings except where a measurement says. */
final class Nodes {

    static final String RELEASE = "bench";

    private Nodes() {}

    /** A started node that only enqueues. */
    static Baton producer(JdbcStore store) {
        return Baton.builder().store(store).release(RELEASE).role("bench-producer").shutdownHook(false)
                .build().start();
    }

    /**
     * A worker serving the bench queue with {@code workers} slots, not started: the drain times its start.
     *
     * @param completedRetention {@code null} for Baton's default
     */
    static Baton worker(JdbcStore store, int workers, Recorder recorder, Duration completedRetention) {
        BatonBuilder builder = Baton.builder().store(store).release(RELEASE).role("bench-worker").shutdownHook(false)
                .queue(NoopJob.QUEUE, workers)
                .handle(NoopJob.class, recorder)
                .handle(ScheduledJob.class, recorder.scheduledHandler());
        if (completedRetention != null) {
            builder.completedRetention(completedRetention);
        }
        return builder.build();
    }
}
