package dev.baton;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** See {@link Backoff#exponential}. */
public record ExponentialBackoff(Duration base, Duration max, double jitter) implements Backoff {

    /** Below a millisecond a "backoff" is a busy loop against the database. */
    static final Duration MIN_BASE = Duration.ofMillis(1);
    /** Longer waits are not a backoff but a forgotten job; the cap also keeps the arithmetic exact. */
    static final Duration MAX_MAX = Duration.ofDays(365);
    // After the bounds above: static fields initialise in order and the constructor reads them.
    static final ExponentialBackoff DEFAULT =
            new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofHours(1), 0.25);

    public ExponentialBackoff {
        if (base == null || base.compareTo(MIN_BASE) < 0) {
            throw new ConfigException("backoff.base", base, "it must be at least 1ms, for example Duration.ofSeconds(1)");
        }
        if (max == null || max.compareTo(base) < 0 || max.compareTo(MAX_MAX) > 0) {
            throw new ConfigException("backoff.max", max, "it must be at least backoff.base (" + base + ") and at most "
                    + MAX_MAX.toDays() + " days");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new ConfigException("backoff.jitter", jitter, "it must be a fraction between 0 and 1, for example 0.25");
        }
    }

    @Override
    public Duration delay(int attempt, RandomGenerator random) {
        // Nanoseconds: exact for every accepted base (a 1.5ms base doubles to 1536ms, not 1024ms), and
        // the 365-day cap keeps every value far from overflow.
        long baseNanos = base.toNanos();
        long maxNanos = max.toNanos();
        int doublings = Math.max(0, attempt - 1);
        // A shift that reaches the sign bit overflows; any such value is far above max anyway.
        long raw = doublings >= Long.numberOfLeadingZeros(baseNanos)
                ? maxNanos
                : Math.min(maxNanos, baseNanos << doublings);
        if (jitter == 0) {
            return Duration.ofNanos(raw);
        }
        double spread = (random.nextDouble() * 2 - 1) * jitter;
        return Duration.ofNanos(Math.max(0, Math.round(raw * (1 + spread))));
    }
}
