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
 * @param clock every time the node writes or compares: the database's clock ({@link StoreClock}) unless a
 *     test gave its own
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
 * @param timeoutGrace how long a handler may go on past its timeout, interrupted, before its run is
 *     abandoned: the job is recorded as failed and the slot freed while the thread is left to end
 * @param maxPayloadSize the longest payload, in characters of JSON, that enqueue accepts
 * @param rewriteAfter how long a version must have had no live reader before waiting jobs of it are
 *     rewritten for the live fleet
 * @param shutdownHook whether a JVM shutdown hook closes the node gracefully (SIGTERM drains)
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
        Duration timeoutGrace,
        int maxPayloadSize,
        Duration rewriteAfter,
        boolean shutdownHook) {

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
