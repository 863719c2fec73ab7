package dev.baton.cli.deploy;

import dev.baton.BatonBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How every node of a scenario runs. The keys of {@link #toMap()} are the example app's settings.
 *
 * @param timings {@code fast} (short intervals, so that a deploy of a few seconds shows what a real one
 *     shows in minutes) or {@code default} (Baton's own defaults, as a service that sets none runs)
 * @param rate jobs per second each web node enqueues
 * @param lease how long a claimed job is a node's before the fleet may take it back; heartbeats extend it.
 *     Where a store cannot tell a dead node from its connection (H2), a killed node's jobs wait this long
 * @param work how long each handler works before it records its run, so that a stop or a kill finds jobs
 *     running
 * @param reading the conventional baseline's reading ({@code strict} or {@code tolerant}); {@code null} for Baton
 */
public record FleetSettings(String timings, int rate, Duration poll, Duration heartbeat, Duration nodeTtl,
        Duration fleetRefresh, Duration lease, int maxAttempts, Duration backoff, Duration work, String reading) {

    static final Duration WORK = Duration.ofMillis(50);

    public FleetSettings {
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be at least 1 job per second, was " + rate);
        }
    }

    /**
     * Fast enough for a deploy of a few seconds; a failing job goes dead within a second. Retries stay
     * the app's own choice in both timings: 3 attempts, 100 ms backoff doubling.
     */
    public static FleetSettings fast(int rate) {
        return new FleetSettings("fast", rate, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(3),
                Duration.ofMillis(100), Duration.ofSeconds(3), 3, Duration.ofMillis(100), WORK, null);
    }

    /** Baton's default poll, heartbeat, node TTL, fleet refresh and lease. */
    public static FleetSettings defaults(int rate) {
        return new FleetSettings("default", rate, BatonBuilder.DEFAULT_POLL_INTERVAL,
                BatonBuilder.DEFAULT_HEARTBEAT_INTERVAL, BatonBuilder.DEFAULT_NODE_TTL,
                BatonBuilder.DEFAULT_FLEET_REFRESH_INTERVAL, BatonBuilder.DEFAULT_LEASE_DURATION, 3,
                Duration.ofMillis(100), WORK, null);
    }

    /**
     * {@code fast} or {@code default}.
     *
     * @throws IllegalArgumentException naming the choices for anything else
     */
    public static FleetSettings named(String timings, int rate) {
        return switch (timings) {
            case "fast" -> fast(rate);
            case "default" -> defaults(rate);
            default -> throw new IllegalArgumentException("timings " + timings + ": it must be fast or default");
        };
    }

    /** The same settings for a run in {@code mode}. */
    public FleetSettings forMode(Mode mode) {
        return new FleetSettings(timings, rate, poll, heartbeat, nodeTtl, fleetRefresh, lease, maxAttempts, backoff,
                work, mode.reading());
    }

    /** One line that labels the timings, beside Baton's defaults when they are not those. */
    public String describe() {
        String line = "fleet timings " + timings + ": " + timingsText() + "; each handler works " + text(work);
        return timings.equals("default") ? line + " (Baton's defaults)"
                : line + " (Baton's defaults: " + defaults(rate).timingsText() + "; --timings default runs with them)";
    }

    private String timingsText() {
        return "poll " + text(poll) + ", heartbeat " + text(heartbeat) + ", node TTL " + text(nodeTtl)
                + ", fleet refresh " + text(fleetRefresh) + ", lease " + text(lease);
    }

    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 || millis % 1000 != 0 ? millis + " ms" : millis / 1000 + " s";
    }

    /** The app's settings: {@code pollMillis}, {@code heartbeatMillis}, ... as strings. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("pollMillis", String.valueOf(poll.toMillis()));
        map.put("heartbeatMillis", String.valueOf(heartbeat.toMillis()));
        map.put("nodeTtlMillis", String.valueOf(nodeTtl.toMillis()));
        map.put("fleetRefreshMillis", String.valueOf(fleetRefresh.toMillis()));
        map.put("leaseMillis", String.valueOf(lease.toMillis()));
        map.put("maxAttempts", String.valueOf(maxAttempts));
        map.put("backoffMillis", String.valueOf(backoff.toMillis()));
        map.put("workMillis", String.valueOf(work.toMillis()));
        if (reading != null) {
            map.put("reading", reading);
        }
        return map;
    }
}
