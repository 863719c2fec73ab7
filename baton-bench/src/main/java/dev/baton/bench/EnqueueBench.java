package dev.baton.bench;

import dev.baton.Baton;
import dev.baton.EnqueueOptions;
import dev.baton.bench.Results.Rate;
import dev.baton.jdbc.JdbcStore;

/** Bulk enqueue: N no-op jobs through {@code enqueueAll}, a chunk per call, by a producer node on a fresh store. */
final class EnqueueBench {

    private EnqueueBench() {}

    static Rate run(BenchTarget target, BenchSettings settings, Findings findings) {
        try (StoreLocation location = target.fresh("enqueue"); JdbcStore store = location.open()) {
            Baton producer = Nodes.producer(store);
            long done;
            long nanos;
            try {
                Deadline deadline = Deadline.after(settings.maxTime());
                long start = System.nanoTime();
                done = Loader.enqueue(producer, settings.jobs(), settings.chunk(), NoopJob::new,
                        EnqueueOptions.defaults(), deadline);
                nanos = System.nanoTime() - start;
            } finally {
                producer.close();
            }
            long stored = StoreCounts.of(store, NoopJob.TYPE).total();
            if (stored != done) {
                findings.error("bulk enqueue: " + done + " jobs enqueued but the store holds " + stored);
            }
            Rate rate = Rate.of(done, settings.jobs(), nanos);
            if (!rate.finished()) {
                findings.note("bulk enqueue did not finish: " + done + " of " + settings.jobs() + " in "
                        + Text.seconds(rate.seconds()));
            }
            return rate;
        }
    }
}
