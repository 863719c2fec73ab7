package dev.baton.internal;

import dev.baton.JobSettings;
import dev.baton.WritePolicy;
import dev.baton.spi.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a node runs with, validated by the builder and immutable after.
 *
 * @param queues queue name to concurrency
 * @param registrations job type name to its registration
 * @param retired retired type name to how it is drained
 * @param evolutions job type name to its upcasters and downcasters, for every type that has any
 * @param defaults settings of types registered without their own, and of types only enqueued here
 * @param completedRetention how long completed jobs are kept; zero deletes them on completion
 * @param deadRetention how long dead jobs are kept; {@code null} keeps them until removed by hand
 * @param nodeTtl a node whose last heartbeat is older is not live
 * @param fleetRefresh how old this node's view of the fleet may get before an enqueue reads it again
 * @param parkDelay how long a job this node cannot read waits before any node looks at it again
 * @param protections false only to behave like a conventional queue, for demonstrations
 */
public record NodeConfig(
        JobStore store,
        String release,
        String nodeId,
        String role,
        Clock clock,
        Map<String, Integer> queues,
        Map<String, Registration<?>> registrations,
        Map<String, RetiredType> retired,
        Map<String, TypeEvolution> evolutions,
        JobSettings defaults,
        WritePolicy writePolicy,
        Duration pollInterval,
        Duration leaseDuration,
        Duration heartbeatInterval,
        Duration rescueInterval,
        Duration completedRetention,
        Duration deadRetention,
        Duration pruneInterval,
        Duration shutdownTimeout,
        Duration nodeTtl,
        Duration fleetRefresh,
        Duration parkDelay,
        boolean protections) {

    public NodeConfig {
        queues = Map.copyOf(queues);
        registrations = Map.copyOf(registrations);
        retired = Map.copyOf(retired);
        evolutions = Map.copyOf(evolutions);
    }

    public JobSettings settingsFor(String type) {
        Registration<?> registration = registrations.get(type);
        return registration == null ? defaults : registration.settings();
    }
}
