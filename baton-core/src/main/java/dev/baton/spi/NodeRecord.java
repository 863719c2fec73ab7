package dev.baton.spi;

import java.time.Instant;
import java.util.List;

/**
 * A node as registered in the store's fleet table.
 *
 * @param id unique per running node
 * @param release the build it runs
 * @param host where it runs
 * @param role a label: {@code worker} (it serves queues), {@code producer}, or one the application set
 * @param queues the queues it serves with their concurrency, as {@code name} only
 * @param types what it reads, per job type (empty for a producer)
 * @param startedAt when it registered
 * @param heartbeatAt its last heartbeat; a node is live while this is within the fleet TTL
 */
public record NodeRecord(String id, String release, String host, String role, List<String> queues,
        List<NodeType> types, Instant startedAt, Instant heartbeatAt) {

    public NodeRecord {
        queues = List.copyOf(queues);
        types = List.copyOf(types);
    }

    /** The one liveness rule: the last heartbeat is no older than {@code ttl} at {@code now}. */
    public boolean liveAt(Instant now, java.time.Duration ttl) {
        return !heartbeatAt.isBefore(now.minus(ttl));
    }
}
