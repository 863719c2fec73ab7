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
 * Fleet-aware writing: chooses the stored name, version and queue that every live worker of a type can
 * read, so that during a rolling deploy a newer producer writes what the older workers still in the
 * fleet read, and nothing waits. When the live workers share no such target, it writes the current one
 * and the job waits, visibly, for a capable worker.
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
        WriteTarget chosen = target(info, evolution, workers);
        if (policy == WritePolicy.REQUIRE_CAPABLE_WORKER
                && workers.stream().noneMatch(w -> w.reads(chosen.type(), chosen.version(), chosen.queue()))) {
            throw new NoCapableWorkerException(chosen.type(), chosen.version(), chosen.queue(), describe(workers));
        }
        return chosen;
    }

    /** The target every one of {@code workers} reads, or the current one when there is none (or no workers). */
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
