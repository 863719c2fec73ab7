package dev.baton.cli.deploy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How every node of a scenario runs: short intervals, so that a deploy of a few seconds shows what a
 * real one shows in minutes. The keys of {@link #toMap()} are the example app's settings.
 *
 * @param rate jobs per second each web node enqueues
 * @param reading the conventional baseline's reading ({@code strict} or {@code tolerant}); {@code null} for Baton
 */
public record FleetSettings(int rate, Duration poll, Duration heartbeat, Duration nodeTtl, Duration fleetRefresh,
        int maxAttempts, Duration backoff, String reading) {

    public FleetSettings {
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be at least 1 job per second, was " + rate);
        }
    }

    /** Fast enough for a deploy of a few seconds; a failing job goes dead within a second. */
    public static FleetSettings fast(int rate) {
        return new FleetSettings(rate, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(3),
                Duration.ofMillis(100), 3, Duration.ofMillis(100), null);
    }

    /** The same settings for a run in {@code mode}. */
    public FleetSettings forMode(Mode mode) {
        return new FleetSettings(rate, poll, heartbeat, nodeTtl, fleetRefresh, maxAttempts, backoff, mode.reading());
    }

    /** The app's settings: {@code pollMillis}, {@code heartbeatMillis}, ... as strings. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("pollMillis", String.valueOf(poll.toMillis()));
        map.put("heartbeatMillis", String.valueOf(heartbeat.toMillis()));
        map.put("nodeTtlMillis", String.valueOf(nodeTtl.toMillis()));
        map.put("fleetRefreshMillis", String.valueOf(fleetRefresh.toMillis()));
        map.put("maxAttempts", String.valueOf(maxAttempts));
        map.put("backoffMillis", String.valueOf(backoff.toMillis()));
        if (reading != null) {
            map.put("reading", reading);
        }
        return map;
    }
}
