package dev.baton.example.shop.common;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Sidekiq's retry schedule, as the conventional baseline uses it: 25 retries, the n-th (from 0) after
 * {@code n^4 + 15 + rand(10) * (n + 1)} seconds: about 15 s, 16 s, 31 s, 96 s ... up to three weeks.
 */
final class ConventionalBackoff {

    static final int MAX_ATTEMPTS = 26; // the first run and Sidekiq's 25 retries

    private ConventionalBackoff() {}

    /** @param attempt the run that failed, from 1 */
    static Duration delay(int attempt, RandomGenerator random) {
        long retry = attempt - 1;
        return Duration.ofSeconds(retry * retry * retry * retry + 15 + random.nextInt(10) * (retry + 1));
    }
}
