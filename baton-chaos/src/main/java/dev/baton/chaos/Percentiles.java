package dev.baton.chaos;

import java.util.List;

/**
 * Nearest-rank percentiles of a sample, in milliseconds; every field but {@code samples} is {@code null}
 * when there is no sample.
 */
record Percentiles(Long p50, Long p99, Long max, int samples) {

    static Percentiles of(List<Long> values) {
        if (values.isEmpty()) {
            return new Percentiles(null, null, null, 0);
        }
        List<Long> sorted = values.stream().sorted().toList();
        return new Percentiles(rank(sorted, 50), rank(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
    }

    /** The smallest value with at least {@code percent}% of the sample at or below it. */
    private static long rank(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
