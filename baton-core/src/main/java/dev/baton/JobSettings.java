package dev.baton;

import java.time.Duration;

/**
 * How one job type is run: attempts, timeout and backoff. Immutable; start from {@link #defaults()}.
 *
 * @param maxAttempts runs before the job is kept as dead; written into each job at enqueue
 * @param timeout how long one run may take before it is cancelled and counted as failed
 * @param backoff the wait between a failed run and the next
 */
public record JobSettings(int maxAttempts, Duration timeout, Backoff backoff) {

    public static final int DEFAULT_MAX_ATTEMPTS = 20;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public JobSettings {
        if (maxAttempts < 1) {
            throw new ConfigException("maxAttempts", maxAttempts, "it must be at least 1 (1 means no retries)");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ConfigException("timeout", timeout, "it must be a positive duration, for example Duration.ofMinutes(5)");
        }
        if (backoff == null) {
            throw new ConfigException("backoff", null, "set one, for example Backoff.exponential(...) or Backoff.defaults()");
        }
    }

    /** 20 attempts, 30 minutes per run, {@link Backoff#defaults()}. */
    public static JobSettings defaults() {
        return new JobSettings(DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT, Backoff.defaults());
    }

    public JobSettings withMaxAttempts(int maxAttempts) {
        return new JobSettings(maxAttempts, timeout, backoff);
    }

    public JobSettings withTimeout(Duration timeout) {
        return new JobSettings(maxAttempts, timeout, backoff);
    }

    public JobSettings withBackoff(Backoff backoff) {
        return new JobSettings(maxAttempts, timeout, backoff);
    }
}
