package dev.baton.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A node as registered in the store's fleet table.
 *
 * @param id the node's label, unique among running nodes; a restarted process may reuse it
 * @param runId the current run of that node (see {@link NodePresence}); 0 when not known
 * @param release the build it runs
 * @param host where it runs
 * @param role a label: {@code worker} (it serves queues), {@code producer}, or one the application set
 * @param queues the queues it serves with their concurrency, as {@code name} only
 * @param types what it reads, per job type (empty for a producer)
 * @param startedAt when it registered
 * @param heartbeatAt its last heartbeat; a node is live while this is within the fleet TTL
 * @param connection whether the run's presence connection is held, as read by {@link JobStore#nodeList()};
 *     ignored by {@link JobStore#nodeRegister}
 */
public record NodeRecord(String id, long runId, String release, String host, String role, List<String> queues,
        List<NodeType> types, Instant startedAt, Instant heartbeatAt, ConnectionState connection) {

    public NodeRecord {
        queues = List.copyOf(queues);
        types = List.copyOf(types);
        Objects.requireNonNull(connection, "connection");
    }

    /**
     * The one liveness rule: the run's presence is not known to be gone, and the last heartbeat is no
     * older than {@code ttl} at {@code now}. On PostgreSQL a killed node drops out at once; a hung one
     * (connected, not heartbeating) and any node on H2 drop out when the heartbeat ages past the TTL.
     */
    public boolean liveAt(Instant now, Duration ttl) {
        return connection != ConnectionState.GONE && !heartbeatAt.isBefore(now.minus(ttl));
    }
}
