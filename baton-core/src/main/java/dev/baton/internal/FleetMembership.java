package dev.baton.internal;

import dev.baton.spi.ConnectionState;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodeType;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

/** This node's row in the fleet table: joined at start, kept fresh by the heartbeat, removed at shutdown. */
final class FleetMembership {

    private final NodeConfig config;
    private final List<NodeType> types;
    private final String host = hostName();
    private Instant startedAt;
    private long runId;

    FleetMembership(NodeConfig config, List<NodeType> types) {
        this.config = config;
        this.types = List.copyOf(types);
    }

    /** Registers this run of the node, replacing the row of any earlier process with the same node id. */
    void join(long runId) {
        this.runId = runId;
        Instant now = config.clock().instant();
        if (startedAt == null) {
            startedAt = now;
        }
        config.store().nodeRegister(new NodeRecord(config.nodeId(), runId, config.release(), host, config.role(),
                List.copyOf(config.queues().keySet()), types, startedAt, now, ConnectionState.NOT_TRACKED));
    }

    void heartbeat() {
        if (!config.store().nodeHeartbeat(config.nodeId(), config.clock().instant())) {
            join(runId); // pruned while this node was paused: come back
        }
    }

    void leave() {
        config.store().nodeRemove(config.nodeId());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
