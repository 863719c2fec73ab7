package dev.baton.bench;

import dev.baton.Baton;
import dev.baton.EnqueueOptions;
import dev.baton.bench.Results.Costs;
import dev.baton.bench.Results.Drain;
import dev.baton.bench.Results.Rate;
import dev.baton.jdbc.JdbcStore;
import java.time.Duration;

/**
 * A drain: N no-op jobs preloaded by a producer node (after {@code scheduled} rows due in a year, in the same
 * queue), then a worker node with K slots timed from its start until its handler has seen all N. The
 * counts come from the handler and are checked against the store once the worker has stopped.
 */
final class DrainBench {

    /** Far enough ahead that no scheduled row comes due during a run. */
    static final Duration SCHEDULED_AHEAD = Duration.ofDays(365);

    private DrainBench() {}

    /**
     * @param completedRetention {@code null} for Baton's default
     * @param label names the measurement in the output and in its schema or directory
     */
    static Drain run(BenchTarget target, BenchSettings settings, Duration completedRetention, int scheduled,
            String label, Findings findings) throws InterruptedException {
        long n = settings.jobs();
        try (StoreLocation location = target.fresh(label)) {
            preload(location, settings, scheduled);
            Recorder recorder = new Recorder(false);
            long nanos;
            Meter meter;
            target.counters().settle(); // the preload's sessions, before the worker's open
            JdbcStore store = location.open();
            try {
                // Also opens the pool and the database, which are not the drain's to pay.
                long waiting = StoreCounts.of(store, NoopJob.TYPE).unfinished();
                if (waiting != n) {
                    findings.error(label + ": the preload left " + waiting + " jobs waiting, not " + n);
                }
                Baton worker = Nodes.worker(store, settings.workers(), recorder, completedRetention);
                meter = Meter.start(target.counters());
                Deadline deadline = Deadline.after(settings.maxTime());
                long start = System.nanoTime();
                try {
                    worker.start();
                    recorder.awaitDistinct(n, deadline);
                    nanos = System.nanoTime() - start;
                } finally {
                    worker.close();
                }
            } finally {
                store.close();
            }
            // Read once the store's sessions have ended: PostgreSQL publishes their statistics then.
            Costs costs = meter.stop(recorder.distinct());
            return check(location, label, settings, scheduled, recorder, nanos, costs, findings);
        }
    }

    private static void preload(StoreLocation location, BenchSettings settings, int scheduled) {
        Deadline none = Deadline.after(Duration.ofDays(1));
        try (JdbcStore store = location.open()) {
            Baton producer = Nodes.producer(store);
            try {
                Loader.enqueue(producer, scheduled, settings.chunk(), ScheduledJob::new,
                        EnqueueOptions.defaults().delay(SCHEDULED_AHEAD), none);
                Loader.enqueue(producer, settings.jobs(), settings.chunk(), NoopJob::new, EnqueueOptions.defaults(), none);
            } finally {
                producer.close();
            }
        }
    }

    /** Compares the handler's counts with the store's, now that the worker has stopped and recorded every outcome. */
    private static Drain check(StoreLocation location, String label, BenchSettings settings, int scheduled,
            Recorder recorder, long nanos, Costs costs, Findings findings) {
        long n = settings.jobs();
        StoreCounts jobs;
        StoreCounts scheduledRows;
        try (JdbcStore store = location.open()) {
            jobs = StoreCounts.of(store, NoopJob.TYPE);
            scheduledRows = StoreCounts.of(store, ScheduledJob.TYPE);
        }
        long distinct = recorder.distinct();
        long duplicates = recorder.runs() - distinct;
        Rate rate = Rate.of(distinct, n, nanos);
        if (!rate.finished()) {
            findings.note(label + " did not finish: " + Text.count(distinct) + " of " + Text.count(n) + " in "
                    + Text.seconds(rate.seconds()) + " (--max-seconds " + Text.plain(settings.maxSeconds()) + ")");
        }
        if (duplicates > 0) {
            findings.error(label + ": " + duplicates + " jobs ran more than once");
        }
        if (jobs.unfinished() != n - distinct) {
            findings.error(label + ": the handler ran " + distinct + " of " + n + " jobs, but the store holds "
                    + jobs.unfinished() + " unfinished (" + jobs.byState() + "), not " + (n - distinct));
        }
        if (jobs.dead() > 0) {
            findings.error(label + ": " + jobs.dead() + " no-op jobs are dead");
        }
        if (recorder.scheduledRuns() > 0 || scheduledRows.unfinished() != scheduled) {
            findings.error(label + ": " + recorder.scheduledRuns() + " jobs scheduled a year ahead ran; the store holds "
                    + scheduledRows.unfinished() + " of " + scheduled + " unfinished");
        }
        return new Drain(rate, recorder.runs(), duplicates, jobs.unfinished(), jobs.dead(), scheduled, costs);
    }
}
