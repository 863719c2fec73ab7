package dev.baton.internal;

import dev.baton.NoCapableWorkerException;
import dev.baton.WritePolicy;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodeType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fleet-aware writing: chooses the stored name and queue that every live worker of a type can read, and
 * the versions to store. While the fleet is mixed the producer stores its own version and, beside it, the
 * older forms down to the newest version every older worker reads: older workers take their form, newer
 * ones the producer's own, so nothing waits and no value is lost to a downcast on the way to a newer
 * worker. When the live workers share no name or version, it writes the current version alone and the
 * job waits, visibly, for a capable worker.
 */
final class WritePlanner {

    private final WritePolicy policy;
    private final FleetView fleet;

    WritePlanner(WritePolicy policy, FleetView fleet) {
        this.policy = policy;
        this.fleet = fleet;
    }

    WriteTarget plan(JobTypeInfo info, TypeEvolution evolution) {
        WriteTarget current = new WriteTarget(info.name(), info.version(), info.queue());
        if (policy == WritePolicy.CURRENT) {
            return current;
        }
        List<NodeType> workers = workersOf(info, fleet.live());
        WriteTarget shared = target(info, evolution, workers);
        WriteTarget chosen = shared.version() < info.version()
                ? new WriteTarget(shared.type(), info.version(), shared.queue(), shared.version())
                : shared;
        if (policy == WritePolicy.REQUIRE_CAPABLE_WORKER && workers.stream().noneMatch(w -> readsAny(w, chosen))) {
            throw new NoCapableWorkerException(chosen.type(), chosen.version(), chosen.queue(), describe(workers));
        }
        return chosen;
    }

    private static boolean readsAny(NodeType worker, WriteTarget target) {
        for (int v = target.minVersion(); v <= target.version(); v++) {
            if (worker.reads(target.type(), v, target.queue())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The single form every one of {@code workers} reads, or the current one when there is none (or no
     * workers): the floor of a mixed fleet's forms, and what a rollback's rewrite writes.
     */
    static WriteTarget target(JobTypeInfo info, TypeEvolution evolution, List<NodeType> workers) {
        WriteTarget current = new WriteTarget(info.name(), info.version(), info.queue());
        if (workers.isEmpty()) {
            return current;
        }
        java.util.Optional<String> sharedName = info.storedNames().stream()
                .filter(stored -> workers.stream().allMatch(w -> w.knows(stored)))
                .findFirst();
        if (sharedName.isEmpty()) {
            return current; // no name every worker knows: downcasting would lose data for nothing
        }
        String name = sharedName.get();
        int newestAll = workers.stream().mapToInt(NodeType::maxVersion).min().orElseThrow();
        int oldestAll = workers.stream().mapToInt(NodeType::minVersion).max().orElseThrow();
        int version = Math.min(info.version(), newestAll);
        if (version < oldestAll || version < evolution.minWritable()) {
            return current; // no version all of them read that this node can write
        }
        Set<String> shared = new LinkedHashSet<>(workers.get(0).queues());
        workers.forEach(w -> shared.retainAll(w.queues()));
        String queue = shared.contains(info.queue()) || shared.isEmpty() ? info.queue() : shared.iterator().next();
        return new WriteTarget(name, version, queue);
    }

    /** The live workers' entries for this type, by its name or any alias; retired readers do not count. */
    static List<NodeType> workersOf(JobTypeInfo info, List<NodeRecord> live) {
        List<NodeType> entries = new ArrayList<>();
        for (NodeRecord node : live) {
            for (NodeType type : node.types()) {
                if (!type.retired() && info.storedNames().stream().anyMatch(type::knows)) {
                    entries.add(type);
                }
            }
        }
        return entries;
    }

    private static String describe(List<NodeType> workers) {
        if (workers.isEmpty()) {
            return "no live worker runs the type";
        }
        return "live workers read " + workers.stream()
                .map(w -> w.type() + " v" + w.minVersion() + "-v" + w.maxVersion() + " on " + w.queues())
                .distinct().collect(Collectors.joining(", "));
    }
}
