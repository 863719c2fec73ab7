package dev.baton.internal;

import dev.baton.spi.ContractRecord;
import dev.baton.spi.NodeType;
import dev.baton.spi.ReadableRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this node reads, worked out once at start: per type its readable range and the queues it claims
 * it from (its current queue, then queues older releases put it on, found in the contract history), as
 * the fleet table shows it and as the queue workers claim it.
 */
public final class NodeTypes {

    /** A retired type reads every version: its reader does not look at the payload. */
    static final int ANY_VERSION = Integer.MAX_VALUE;

    private final List<NodeType> types = new ArrayList<>();
    private final Map<String, List<ClaimTarget>> targets = new LinkedHashMap<>();

    public NodeTypes(NodeConfig config, List<ContractRecord> history) {
        Map<String, Map<String, List<ReadableRange>>> byWorker = new LinkedHashMap<>();
        Set<String> retiredNames = new java.util.HashSet<>();
        config.retired().values().forEach(r -> retiredNames.addAll(r.storedNames()));
        config.queues().keySet().forEach(queue -> byWorker.put(queue, new LinkedHashMap<>()));
        for (Registration<?> registration : config.registrations().values()) {
            JobTypeInfo info = registration.info();
            TypeEvolution evolution = registration.evolution();
            add(byWorker, info.name(), info.storedNames(), info.aliases(), info.queue(), evolution.minReadable(),
                    info.version(), false, history);
        }
        for (RetiredType retired : config.retired().values()) {
            add(byWorker, retired.name(), retired.storedNames(), retired.aliases(), retired.queue(), 1, ANY_VERSION, true,
                    history);
        }
        byWorker.forEach((worker, claims) -> {
            List<ClaimTarget> list = new ArrayList<>();
            claims.forEach((queue, ranges) -> list.add(new ClaimTarget(queue, ranges, ranges.stream()
                    .map(ReadableRange::type).filter(retiredNames::contains).collect(java.util.stream.Collectors.toSet()))));
            targets.put(worker, list);
        });
    }

    private void add(Map<String, Map<String, List<ReadableRange>>> byWorker, String name, List<String> storedNames,
            List<String> aliases, String queue, int min, int max, boolean retired, List<ContractRecord> history) {
        Set<String> queues = new LinkedHashSet<>();
        queues.add(queue);
        for (ContractRecord contract : history) {
            if (storedNames.contains(contract.type())) {
                queues.add(contract.queue());
            }
        }
        types.add(new NodeType(name, aliases, min, max, List.copyOf(queues), retired));
        Map<String, List<ReadableRange>> claims = byWorker.get(queue);
        for (String claimQueue : queues) {
            List<ReadableRange> ranges = claims.computeIfAbsent(claimQueue, q -> new ArrayList<>());
            storedNames.forEach(stored -> ranges.add(new ReadableRange(stored, min, max)));
        }
    }

    /** For the fleet table. */
    public List<NodeType> types() {
        return List.copyOf(types);
    }

    /** The claims of the worker of {@code queue}: its own queue first, then older queues of its types. */
    List<ClaimTarget> targetsOf(String queue) {
        return targets.getOrDefault(queue, List.of());
    }
}
