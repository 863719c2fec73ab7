package dev.baton.chaos;

import java.time.Duration;

/**
 * The shape of one run, from the command line.
 *
 * @param seconds the whole chaos window: producing, then {@link #SETTLE} without new jobs
 * @param kills how many workers are SIGKILLed
 * @param rate jobs per second the producer enqueues
 */
record RunPlan(int seconds, int kills, int rate, int workers, long seed) {

    /** The producer stops this long before the end, so that the last faults' jobs can come back. */
    static final Duration SETTLE = Duration.ofSeconds(20);
    /** The longest wait, after the producer stops, for every enqueued key to have an effect. */
    static final Duration DRAIN = Duration.ofSeconds(90);
    /** Beyond the window and the drain: starting JVMs, stopping them, the queries. */
    static final Duration OVERHEAD = Duration.ofSeconds(60);

    Duration producing() {
        return Duration.ofSeconds(seconds).minus(SETTLE);
    }

    /** When the run gives up, kills every worker and exits 1, whatever it was doing. */
    Duration hardDeadline() {
        return Duration.ofSeconds(seconds).plus(DRAIN).plus(OVERHEAD);
    }
}
