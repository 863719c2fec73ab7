package dev.baton.bench;

import java.time.Duration;

/**
 * What one {@code bench} run measures, as resolved from its options (with {@code --quick}'s smaller
 * defaults where an option was not given). Printed in the JSON, so that a result says how it was made.
 *
 * @param jobs N: no-op jobs per enqueue and per drain
 * @param workers K: worker slots of the draining node, and threads of the raw drain
 * @param chunk jobs per {@code enqueueAll} call
 * @param scheduledRows rows scheduled a year ahead in the drained queue, for the drain beside them
 * @param rate arrival rate of the latency-at-rate measurement, jobs per second
 * @param rateSeconds how long jobs arrive at that rate
 * @param idleSamples latency samples from an idle node, one job at a time
 * @param repeat runs per store; every figure is the median over them
 * @param maxSeconds the longest one measurement may take before it reports what it got
 */
record BenchSettings(int jobs, int workers, int chunk, int scheduledRows, int rate, double rateSeconds,
        int idleSamples, int repeat, double maxSeconds, boolean quick) {

    /** Raw multi-row INSERT: rows per statement, one transaction per statement. */
    static final int RAW_INSERT_ROWS = 100;

    /** Raw drain: rows per claim and per DELETE. */
    static final int RAW_BATCH = 100;

    Duration maxTime() {
        return Duration.ofNanos((long) (maxSeconds * 1e9));
    }

    Duration rateTime() {
        return Duration.ofNanos((long) (rateSeconds * 1e9));
    }
}
