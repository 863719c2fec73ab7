package dev.baton.example.shop.common;

import dev.baton.Backoff;
import dev.baton.JobSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node's tunables, from string overrides (the command line's {@code --setting key=value}, or the
 * map an orchestrator passes). Defaults suit a demonstration: a fast poll and a fleet that notices a
 * node leaving within seconds. An unknown key or a bad value is an {@link IllegalArgumentException}
 * naming it.
 */
public record Settings(long pollMillis, long heartbeatMillis, long nodeTtlMillis, long fleetRefreshMillis, int maxAttempts,
        long backoffMillis, int concurrency, long leaseMillis, long rescueMillis, long shutdownMillis,
        ConventionalQueue.Reading reading, long workMillis) {

    /** Every key with its default, in the order usage lists them. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("pollMillis", "50");
        defaults.put("heartbeatMillis", "200");
        defaults.put("nodeTtlMillis", "2000");
        defaults.put("fleetRefreshMillis", "100");
        defaults.put("maxAttempts", "3");
        defaults.put("backoffMillis", "200");
        defaults.put("concurrency", "4");
        defaults.put("leaseMillis", "30000");
        defaults.put("rescueMillis", "1000");
        defaults.put("shutdownMillis", "5000");
        defaults.put("reading", "strict");
        defaults.put("workMillis", "0");
        return Collections.unmodifiableMap(defaults);
    }

    public static Settings of(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        if (overrides != null) {
            for (Map.Entry<String, String> entry : overrides.entrySet()) {
                if (!DEFAULTS.containsKey(entry.getKey())) {
                    throw new IllegalArgumentException("unknown setting \"" + entry.getKey() + "\"; known settings: "
                            + String.join(", ", DEFAULTS.keySet()));
                }
                values.put(entry.getKey(), entry.getValue());
            }
        }
        return new Settings(positive(values, "pollMillis"), positive(values, "heartbeatMillis"),
                positive(values, "nodeTtlMillis"), positive(values, "fleetRefreshMillis"),
                (int) Math.min(Integer.MAX_VALUE, positive(values, "maxAttempts")), positive(values, "backoffMillis"),
                (int) Math.min(Integer.MAX_VALUE, positive(values, "concurrency")), positive(values, "leaseMillis"),
                positive(values, "rescueMillis"), zeroOrMore(values, "shutdownMillis"), reading(values.get("reading")),
                zeroOrMore(values, "workMillis"));
    }

    /** How a node without Baton's protections reads payloads: {@code strict} or {@code tolerant}. */
    private static ConventionalQueue.Reading reading(String text) {
        return switch (text) {
            case "strict" -> ConventionalQueue.Reading.STRICT;
            case "tolerant" -> ConventionalQueue.Reading.TOLERANT;
            default -> throw new IllegalArgumentException("setting reading=" + text + ": it must be strict or tolerant");
        };
    }

    /** Attempts, and exponential backoff from backoffMillis, capped at 2s (or the base if larger), no jitter. */
    public JobSettings jobSettings() {
        Duration base = Duration.ofMillis(backoffMillis);
        Duration max = base.compareTo(Duration.ofSeconds(2)) > 0 ? base : Duration.ofSeconds(2);
        return JobSettings.defaults().withMaxAttempts(maxAttempts).withBackoff(Backoff.exponential(base, max, 0));
    }

    private static long positive(Map<String, String> values, String key) {
        long value = number(values, key);
        if (value < 1) {
            throw new IllegalArgumentException("setting " + key + "=" + values.get(key) + ": it must be at least 1");
        }
        return value;
    }

    private static long zeroOrMore(Map<String, String> values, String key) {
        long value = number(values, key);
        if (value < 0) {
            throw new IllegalArgumentException("setting " + key + "=" + values.get(key) + ": it must not be negative");
        }
        return value;
    }

    private static long number(Map<String, String> values, String key) {
        String text = values.get(key);
        try {
            return Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + "=" + text + ": it must be a whole number");
        }
    }
}
