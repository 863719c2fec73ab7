package dev.baton.internal;

import dev.baton.JobSettings;
import dev.baton.spi.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a node runs with, validated by the builder and immutable after.
 *
 * @param queues queue name to concurrency, in registration order
 * @param registrations job type name to its registration
 * @param defaults settings of types registered without their own, and of types only enqueued here
 * @param completedRetention how long completed jobs are kept; zero deletes them on completion
 * @param deadRetention how long dead jobs are kept; {@code null} keeps them until removed by hand
 */
public record NodeConfig(
        JobStore store,
        String release,
        String nodeId,
        Clock clock,
        Map<String, Integer> queues,
        Map<String, Registration<?>> registrations,
        JobSettings defaults,
        Duration pollInterval,
        Duration leaseDuration,
        Duration heartbeatInterval,
        Duration rescueInterval,
        Duration completedRetention,
        Duration deadRetention,
        Duration pruneInterval,
        Duration shutdownTimeout) {

    public NodeConfig {
        queues = Map.copyOf(queues);
        registrations = Map.copyOf(registrations);
    }

    public JobSettings settingsFor(String type) {
        Registration<?> registration = registrations.get(type);
        return registration == null ? defaults : registration.settings();
    }
}
