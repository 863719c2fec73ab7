package dev.baton;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** See {@link Backoff#exponential}. */
public record ExponentialBackoff(Duration base, Duration max, double jitter) implements Backoff {

    static final ExponentialBackoff DEFAULT =
            new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofHours(1), 0.25);

    public ExponentialBackoff {
        if (base == null || base.isNegative() || base.isZero()) {
            throw new ConfigException("backoff.base", base, "it must be a positive duration, for example Duration.ofSeconds(1)");
        }
        if (max == null || max.compareTo(base) < 0) {
            throw new ConfigException("backoff.max", max, "it must be at least backoff.base (" + base + ")");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new ConfigException("backoff.jitter", jitter, "it must be a fraction between 0 and 1, for example 0.25");
        }
    }

    @Override
    public Duration delay(int attempt, RandomGenerator random) {
        long baseMillis = base.toMillis();
        long maxMillis = max.toMillis();
        int doublings = Math.max(0, Math.min(attempt - 1, 62));
        // Doubling past 2^62 or past max only wastes overflow checks: cap first.
        long raw = doublings >= Long.numberOfLeadingZeros(baseMillis) - 1
                ? maxMillis
                : Math.min(maxMillis, baseMillis << doublings);
        double spread = jitter == 0 ? 0 : (random.nextDouble() * 2 - 1) * jitter;
        return Duration.ofMillis(Math.max(0, Math.round(raw * (1 + spread))));
    }
}
