package dev.baton.bench;

import dev.baton.bench.Results.Drain;
import dev.baton.bench.Results.Latency;
import dev.baton.bench.Results.RawDrain;
import dev.baton.bench.Results.Rate;
import dev.baton.bench.Results.Ratios;
import dev.baton.bench.Results.StoreResult;
import dev.baton.jdbc.Dialect;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/** One run of every measurement on one store, each on a fresh store, the reference's beside Baton's. */
final class StoreBench {

    private StoreBench() {}

    /**
     * The most jobs of the warm-up drains. On H2 the database's own code is compiled by this JVM's JIT too, and
     * a first run measured it cold at a third to a fifth of later runs' rates: the warm-up is as large as N.
     */
    private static final int WARM_UP_JOBS = 50_000;

    /**
     * A raw drain and a Baton drain (each with its preload, raw INSERTs and enqueueAll), not reported, so that
     * the first measurement does not pay for class loading and compilation. Errors found are still errors.
     */
    static void warmUp(BenchTarget target, BenchSettings settings, Findings findings, Consumer<String> progress)
            throws InterruptedException {
        int jobs = Math.min(WARM_UP_JOBS, settings.jobs());
        BenchSettings small = new BenchSettings(jobs, settings.workers(), settings.chunk(), 0, settings.rate(),
                settings.rateSeconds(), settings.idleSamples(), 1, settings.maxSeconds(), settings.quick());
        progress.accept("warm-up: raw drain and Baton drain of " + Text.count(jobs) + " jobs, not reported");
        RawReference.drain(target, small, 0, "warm-up raw drain", findings);
        DrainBench.run(target, small, null, 0, "warm-up drain", findings);
    }

    static StoreResult runOnce(BenchTarget target, BenchSettings settings, Findings findings, Consumer<String> progress)
            throws InterruptedException {
        String n = Text.count(settings.jobs());
        String beside = " beside " + Text.count(settings.scheduledRows()) + " scheduled rows";
        int scheduled = settings.scheduledRows();
        Rate rawEnqueue = step(progress, "raw enqueue of " + n + " rows",
                () -> RawReference.enqueue(target, settings, findings), r -> rate(r, "rows/s"));
        RawDrain rawDrain = step(progress, "raw drain of " + n + " rows",
                () -> RawReference.drain(target, settings, 0, "raw drain", findings), r -> rate(r.rate(), "rows/s"));
        RawDrain rawScheduled = step(progress, "raw drain of " + n + " rows" + beside,
                () -> RawReference.drain(target, settings, scheduled, "raw drain" + beside, findings),
                r -> rate(r.rate(), "rows/s"));
        Rate enqueue = step(progress, "bulk enqueue of " + n + " jobs",
                () -> EnqueueBench.run(target, settings, findings), r -> rate(r, "jobs/s"));
        Drain drain = step(progress, "drain of " + n + " jobs, completed jobs kept",
                () -> DrainBench.run(target, settings, null, 0, "drain", findings), r -> rate(r.rate(), "jobs/s"));
        Drain deleted = step(progress, "drain of " + n + " jobs, deleted on completion",
                () -> DrainBench.run(target, settings, Duration.ZERO, 0, "drain deleting on completion", findings),
                r -> rate(r.rate(), "jobs/s"));
        Drain besideScheduled = step(progress, "drain of " + n + " jobs" + beside,
                () -> DrainBench.run(target, settings, null, scheduled, "drain" + beside, findings),
                r -> rate(r.rate(), "jobs/s"));
        Latency idle = step(progress, "latency from idle, " + settings.idleSamples() + " samples",
                () -> LatencyBench.idle(target, settings, findings), StoreBench::latency);
        Latency atRate = step(progress, "latency at " + settings.rate() + " jobs/s for " + Text.seconds(settings.rateSeconds()),
                () -> LatencyBench.atRate(target, settings, findings), StoreBench::latency);
        return new StoreResult(target.name(), target.location(), 1, rawMethod(target), enqueue, rawEnqueue,
                drain, deleted, besideScheduled, rawDrain, rawScheduled, idle, atRate,
                Ratios.of(enqueue, rawEnqueue, drain, deleted, besideScheduled, rawDrain, rawScheduled),
                findings.notes(), findings.errors());
    }

    /** A measurement, announced before it starts and its figure printed after, so that a long run shows where it is. */
    private static <T> T step(Consumer<String> progress, String label, Measurement<T> measurement,
            Function<T, String> figure) throws InterruptedException {
        progress.accept(label);
        // The garbage of the step before (a drain leaves plenty) is collected now, not during this measurement.
        System.gc();
        T result = measurement.run();
        progress.accept(label + ": " + figure.apply(result));
        return result;
    }

    @FunctionalInterface
    private interface Measurement<T> {
        T run() throws InterruptedException;
    }

    private static String rate(Rate rate, String unit) {
        return Text.count(rate.perSecond()) + " " + unit + (rate.finished() ? "" : " (did not finish)");
    }

    private static String latency(Latency l) {
        return "p50 " + Text.ms(l.p50Ms()) + ", p99 " + Text.ms(l.p99Ms()) + ", max " + Text.ms(l.maxMs())
                + (l.finished() ? "" : " (did not finish: " + l.started() + " of " + l.expected() + " started)");
    }

    private static String rawMethod(BenchTarget target) {
        return new RawSql(target.name().equals("h2") ? Dialect.H2 : Dialect.POSTGRESQL).method();
    }
}
