package dev.baton.spi;

import java.util.List;

/**
 * One job type as a node runs it.
 *
 * @param type the type name
 * @param aliases former names it also claims
 * @param minVersion the oldest payload version its upcasters reach
 * @param maxVersion the newest version it reads (its current version)
 * @param queues the queues it claims this type from: its current queue first, then older queues that
 *     may still hold jobs of the type
 * @param retired true when the node completes these jobs without running anything
 */
public record NodeType(String type, List<String> aliases, int minVersion, int maxVersion, List<String> queues,
        boolean retired) {

    public NodeType {
        aliases = List.copyOf(aliases);
        queues = List.copyOf(queues);
    }

    /** Whether a job stored under {@code storedType} at {@code version} on {@code queue} is taken by this entry. */
    public boolean reads(String storedType, int version, String queue) {
        return (type.equals(storedType) || aliases.contains(storedType))
                && version >= minVersion && version <= maxVersion && queues.contains(queue);
    }

    public boolean knows(String storedType) {
        return type.equals(storedType) || aliases.contains(storedType);
    }
}
