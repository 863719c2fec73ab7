package dev.baton.check;

import dev.baton.spi.JobCount;
import dev.baton.spi.JobState;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodeType;
import java.time.Instant;
import java.util.List;

/** Hand-built live store states for tests. */
final class Live {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private Live() {}

    static LiveState of(List<NodeRecord> nodes, List<JobCount> counts) {
        return new LiveState(nodes, counts);
    }

    static LiveState empty() {
        return new LiveState(List.of(), List.of());
    }

    static NodeRecord worker(String release, NodeType... types) {
        return new NodeRecord("node-" + release + "-" + types.length, 1L, release, "host-1", "worker",
                List.of("default"), List.of(types), NOW, NOW, dev.baton.spi.ConnectionState.NOT_TRACKED);
    }

    static NodeType reads(String type, int minVersion, int maxVersion) {
        return new NodeType(type, List.of(), minVersion, maxVersion, List.of("default"), false);
    }

    /** A type a node completes without running it: a @Retired record registered with BatonBuilder.retire. */
    static NodeType retires(String type) {
        return new NodeType(type, List.of(), 1, Integer.MAX_VALUE, List.of("default"), true);
    }

    static JobCount waiting(String type, int version, long count) {
        return new JobCount(type, version, "default", JobState.WAITING, count);
    }

    static JobCount completed(String type, int version, long count) {
        return new JobCount(type, version, "default", JobState.COMPLETED, count);
    }
}
