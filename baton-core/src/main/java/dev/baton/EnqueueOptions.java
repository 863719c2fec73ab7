package dev.baton;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-enqueue choices. Immutable; start from {@link #defaults()} and chain:
 * {@code EnqueueOptions.defaults().delay(Duration.ofMinutes(5)).priority(10)}.
 *
 * @param runAt not run before this instant; {@code null} for now (or {@code delay})
 * @param delay not run before this long after enqueue; {@code null} for none. Not both with runAt.
 * @param priority higher runs first among due jobs of a queue; 0 by default
 * @param maxAttempts overrides the type's setting when not {@code null}
 * @param uniqueKey while an unfinished job of the same type has this key, the enqueue inserts nothing
 *     and returns that job; {@code null} for none
 */
public record EnqueueOptions(Instant runAt, Duration delay, int priority, Integer maxAttempts, String uniqueKey) {

    private static final EnqueueOptions DEFAULTS = new EnqueueOptions(null, null, 0, null, null);
    static final int MAX_UNIQUE_KEY_LENGTH = 200;

    public EnqueueOptions {
        if (runAt != null && delay != null) {
            throw new ConfigException("EnqueueOptions.delay", delay, "set runAt or delay, not both (runAt was " + runAt + ")");
        }
        if (delay != null && delay.isNegative()) {
            throw new ConfigException("EnqueueOptions.delay", delay, "it must not be negative");
        }
        if (maxAttempts != null && maxAttempts < 1) {
            throw new ConfigException("EnqueueOptions.maxAttempts", maxAttempts, "it must be at least 1");
        }
        if (uniqueKey != null && (uniqueKey.isBlank() || uniqueKey.length() > MAX_UNIQUE_KEY_LENGTH)) {
            throw new ConfigException("EnqueueOptions.uniqueKey", uniqueKey,
                    "it must be non-blank and at most " + MAX_UNIQUE_KEY_LENGTH + " characters");
        }
    }

    public static EnqueueOptions defaults() {
        return DEFAULTS;
    }

    public EnqueueOptions runAt(Instant runAt) {
        return new EnqueueOptions(runAt, delay, priority, maxAttempts, uniqueKey);
    }

    public EnqueueOptions delay(Duration delay) {
        return new EnqueueOptions(runAt, delay, priority, maxAttempts, uniqueKey);
    }

    public EnqueueOptions priority(int priority) {
        return new EnqueueOptions(runAt, delay, priority, maxAttempts, uniqueKey);
    }

    public EnqueueOptions maxAttempts(int maxAttempts) {
        return new EnqueueOptions(runAt, delay, priority, maxAttempts, uniqueKey);
    }

    public EnqueueOptions uniqueKey(String uniqueKey) {
        return new EnqueueOptions(runAt, delay, priority, maxAttempts, uniqueKey);
    }
}
