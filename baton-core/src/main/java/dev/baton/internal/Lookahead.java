package dev.baton.internal;

/**
 * How many jobs a queue claims beyond its free slots: as many as its handlers finish during one claim's
 * round trip, so that a freed slot finds its next job already claimed. Jobs of microseconds get up to
 * four pools' worth, at least 100 ({@link #cap}), so that one claim keeps the pool busy for the length of
 * the next; jobs longer than a claim get none, and wait in the store, where any node can take them,
 * rather than behind a busy node's running jobs. A job claimed ahead is held by this run like a running
 * one: it counts as running in the store, and a crash of this node counts an attempt for it.
 *
 * <p>Both durations are moving averages, updated without locks: a lost update only nudges the estimate.
 */
final class Lookahead {

    private static final double WEIGHT = 0.1;
    private final int concurrency;
    private final int cap;
    private volatile double claimNanos;
    private volatile double runNanos;

    Lookahead(int concurrency) {
        this.concurrency = concurrency;
        this.cap = cap(concurrency);
    }

    static int cap(int concurrency) {
        return Math.min(1000, Math.max(100, 4 * concurrency));
    }

    void claimTook(long nanos) {
        claimNanos = average(claimNanos, nanos);
    }

    void runTook(long nanos) {
        runNanos = average(runNanos, nanos);
    }

    /** Jobs to claim beyond the free slots; none before the first job has run. */
    int jobs() {
        double run = runNanos;
        if (run <= 0) {
            return 0;
        }
        double finishedPerClaim = concurrency * claimNanos / Math.max(run, 1_000);
        return (int) Math.min(cap, Math.floor(finishedPerClaim));
    }

    private static double average(double current, long sample) {
        return current <= 0 ? sample : current + WEIGHT * (sample - current);
    }
}
