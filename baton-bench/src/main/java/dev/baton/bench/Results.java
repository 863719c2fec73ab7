package dev.baton.bench;

import java.util.List;
import java.util.Map;

/**
 * The figures of a bench run, in the shape {@code --json} prints: the field names are stable, numbers are
 * numbers, and a figure the store cannot give is {@code null} (with a note saying why), never a made-up 0.
 */
final class Results {

    private Results() {}

    /**
     * A count over a time.
     *
     * @param count what was done: jobs enqueued, jobs whose handler ran, rows deleted
     * @param expected what should have been done; {@code count < expected} only when {@code finished} is false
     * @param finished false when the measurement hit {@code --max-seconds}: then the rate is of the part done
     */
    record Rate(long count, long expected, double seconds, double perSecond, boolean finished) {

        static Rate of(long count, long expected, long nanos) {
            double seconds = nanos / 1e9;
            return new Rate(count, expected, seconds, seconds > 0 ? count / seconds : 0, count >= expected);
        }
    }

    /**
     * What a drain cost per job, over the whole drain (start, claims, runs, completions, shutdown).
     *
     * @param transactionsPerJob committed and rolled back transactions of the database, per job; null on H2
     * @param jvmCpuMicrosPerJob CPU time of this JVM, all threads, per job (on H2 it includes the database)
     * @param databaseCpuMicrosPerJob CPU time of the PostgreSQL server's processes per job; null when not measured
     */
    record Costs(Double transactionsPerJob, double jvmCpuMicrosPerJob, Double databaseCpuMicrosPerJob) {}

    /**
     * A Baton drain of preloaded no-op jobs, counted by its handler.
     *
     * @param handlerRuns handler calls; more than {@code rate.count()} (distinct jobs) means duplicates
     * @param unfinished jobs of the drained type the store still holds unfinished after the node stopped
     * @param dead jobs of the drained type the store holds as dead
     * @param scheduledRows not-yet-due rows in the same queue during the drain
     */
    record Drain(Rate rate, long handlerRuns, long duplicates, long unfinished, long dead, int scheduledRows,
            Costs costs) {}

    /**
     * The raw reference's drain: rows claimed and deleted by hand over JDBC.
     *
     * @param claims claims that got rows (each one transaction, and one DELETE after it)
     * @param left rows left in its table at the end: the scheduled ones, when it finished
     */
    record RawDrain(Rate rate, int scheduledRows, long claims, long left, Costs costs) {}

    /**
     * Latency from enqueue commit (enqueue returned) to handler start, in milliseconds.
     *
     * @param producer which node enqueued: another node (wake-up through the store) or the worker itself
     * @param expected jobs it was to enqueue: the samples, or rate times seconds
     * @param sent jobs enqueued; {@code started} of them reached a handler before the time cap
     * @param ratePerSecond the arrival rate reached; for the idle measurement, samples over its time
     */
    record Latency(String producer, long expected, long sent, long started, double seconds, double ratePerSecond,
            double p50Ms, double p99Ms, double maxMs, boolean finished) {}

    /** Each Baton figure divided by the raw reference's (rates), and the cost of the scheduled rows. */
    record Ratios(double enqueue, double drain, double drainDeleteOnComplete, double drainScheduled,
            double scheduledVsEmpty) {

        static Ratios of(Rate enqueue, Rate rawEnqueue, Drain drain, Drain deleted, Drain scheduled,
                RawDrain raw, RawDrain rawScheduled) {
            return new Ratios(
                    ratio(enqueue.perSecond(), rawEnqueue.perSecond()),
                    ratio(drain.rate().perSecond(), raw.rate().perSecond()),
                    ratio(deleted.rate().perSecond(), raw.rate().perSecond()),
                    ratio(scheduled.rate().perSecond(), rawScheduled.rate().perSecond()),
                    ratio(scheduled.rate().perSecond(), drain.rate().perSecond()));
        }

        private static double ratio(double figure, double reference) {
            return reference > 0 ? figure / reference : 0;
        }
    }

    /**
     * Every figure for one store, the median over {@code runs} runs.
     *
     * @param drain completed jobs kept (the default retention); {@code drainDeleteOnComplete} with
     *     {@code completedRetention(ZERO)}; {@code drainScheduled} default retention beside the scheduled rows
     * @param rawMethod the SQL of the raw reference's drain, in words
     */
    record StoreResult(String store, String location, int runs, String rawMethod,
            Rate enqueue, Rate rawEnqueue,
            Drain drain, Drain drainDeleteOnComplete, Drain drainScheduled,
            RawDrain rawDrain, RawDrain rawDrainScheduled,
            Latency latencyIdle, Latency latencyAtRate,
            Ratios ratios, List<String> notes, List<String> errors) {}

    /** What the machine was, so that a result can be compared with another. */
    record Machine(int cores, String java, String os, long maxHeapMb) {

        static Machine current() {
            Runtime rt = Runtime.getRuntime();
            return new Machine(rt.availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"),
                    rt.maxMemory() / (1024 * 1024));
        }
    }

    /** The whole run: {@code errors} gathers every store's, so that one look tells whether it was clean. */
    record BenchResult(BenchSettings settings, Machine machine, Map<String, StoreResult> stores,
            List<String> errors) {}
}
