package dev.baton;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** How long a failed job waits before its next attempt. */
@FunctionalInterface
public interface Backoff {

    /**
     * @param attempt the attempt that just failed, 1 for the first run
     * @param random a source for jitter
     * @return the wait before the next attempt, never negative
     */
    Duration delay(int attempt, RandomGenerator random);

    /**
     * {@code base * 2^(attempt-1)}, capped at {@code max}, then spread by ±{@code jitter} (a fraction in
     * [0, 1]) so that jobs that failed together do not retry together.
     */
    static Backoff exponential(Duration base, Duration max, double jitter) {
        return new ExponentialBackoff(base, max, jitter);
    }

    /** 1s, 2s, 4s ... capped at one hour, ±25%: 20 attempts span about nine hours. */
    static Backoff defaults() {
        return ExponentialBackoff.DEFAULT;
    }
}
