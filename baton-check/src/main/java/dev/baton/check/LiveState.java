package dev.baton.check;

import dev.baton.spi.JobCount;
import dev.baton.spi.JobStore;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What a live store says, read by the caller (CLI, Maven plugin) through the store SPI, so that the
 * checker stays pure. With it, plan steps are answered ({@code satisfied} TRUE or FALSE) instead of unknown.
 *
 * @param liveNodes the nodes whose heartbeat is within the fleet TTL
 * @param counts job counts per (stored type, version, queue, state), all states
 */
public record LiveState(List<NodeRecord> liveNodes, List<JobCount> counts) {

    public LiveState {
        liveNodes = List.copyOf(liveNodes);
        counts = List.copyOf(counts);
    }

    /** Reads the state of a store through its SPI: nodes whose heartbeat is within {@code ttl} of {@code now}. */
    public static LiveState read(JobStore store, Instant now, Duration ttl) {
        List<NodeRecord> live = store.nodeList().stream().filter(n -> n.liveAt(now, ttl)).toList();
        return new LiveState(live, store.jobCount());
    }

    /**
     * Jobs stored under {@code storedName} whose version matches, and that are still to run or running:
     * the same states as {@code baton drained} counts.
     */
    public long unfinished(String storedName, IntPredicate version) {
        return counts.stream()
                .filter(c -> c.type().equals(storedName) && version.test(c.version()) && !c.state().isFinal())
                .mapToLong(JobCount::count)
                .sum();
    }

    /** The answer {@code baton drained <storedName> --below <below>} would give. */
    public boolean drained(String storedName, int below) {
        return unfinished(storedName, v -> v < below) == 0;
    }

    /** Every live node's entry for a type, by name or alias. */
    public List<NodeType> knowing(String storedName) {
        return liveNodes.stream().flatMap(n -> n.types().stream()).filter(t -> t.knows(storedName)).toList();
    }

    /** The live nodes that know a type and run a release other than {@code release}. */
    public List<NodeRecord> otherReleasesKnowing(String storedName, String release) {
        return liveNodes.stream()
                .filter(n -> !n.release().equals(release) && n.types().stream().anyMatch(t -> t.knows(storedName)))
                .toList();
    }
}
