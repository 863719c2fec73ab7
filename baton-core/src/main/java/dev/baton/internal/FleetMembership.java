package dev.baton.internal;

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

    FleetMembership(NodeConfig config, List<NodeType> types) {
        this.config = config;
        this.types = List.copyOf(types);
    }

    void join() {
        Instant now = config.clock().instant();
        if (startedAt == null) {
            startedAt = now;
        }
        config.store().nodeRegister(new NodeRecord(config.nodeId(), config.release(), host, config.role(),
                List.copyOf(config.queues().keySet()), types, startedAt, now));
    }

    void heartbeat() {
        if (!config.store().nodeHeartbeat(config.nodeId(), config.clock().instant())) {
            join(); // pruned while this node was paused: come back
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
