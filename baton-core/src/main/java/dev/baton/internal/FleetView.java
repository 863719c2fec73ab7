package dev.baton.internal;

import dev.baton.spi.JobStore;
import dev.baton.spi.NodeRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * This node's picture of the live fleet, read from the store at most once per refresh interval so that
 * enqueueing does not query the fleet table every time. A node is live while its last heartbeat, by the
 * shared clock, is within the TTL.
 */
public final class FleetView {

    private final JobStore store;
    private final Clock clock;
    private final Duration ttl;
    private final long refreshNanos;
    private volatile Snapshot snapshot;

    private record Snapshot(List<NodeRecord> live, long readAtNanos) {}

    public FleetView(JobStore store, Clock clock, Duration ttl, Duration refresh) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
        this.refreshNanos = refresh.toNanos();
    }

    public List<NodeRecord> live() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null || now - current.readAtNanos >= refreshNanos) {
            current = new Snapshot(liveNow(), now);
            snapshot = current;
        }
        return current.live;
    }

    /** Reads the fleet table now, bypassing the cache. */
    public List<NodeRecord> liveNow() {
        Instant now = clock.instant();
        return store.nodeList().stream().filter(node -> node.liveAt(now, ttl)).toList();
    }
}
