package dev.baton.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.WritePolicy;
import dev.baton.spi.JobRewriteParams;
import dev.baton.spi.NodeType;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites waiting jobs that no live worker reads into a form the live fleet does read, when this node
 * holds the casters to get there. It covers what fleet-aware writing cannot: jobs written while the
 * fleet still read them, then left behind by a rollback (N+1 wrote v2, the fleet went back to N).
 * Jobs some live worker reads are never touched, so no downcaster loses data needlessly.
 */
final class StrandedRewriter {

    private static final Logger log = LoggerFactory.getLogger(StrandedRewriter.class);
    static final int BATCH = 500;
    static final int MAX_BATCHES = 20;

    private record Writable(JobTypeInfo info, TypeEvolution evolution) {}

    private final NodeConfig config;
    private final PayloadCodec codec;
    private final FleetView fleet;
    private final List<Writable> types = new ArrayList<>();

    StrandedRewriter(NodeConfig config, PayloadCodec codec, FleetView fleet) {
        this.config = config;
        this.codec = codec;
        this.fleet = fleet;
        for (TypeEvolution evolution : config.evolutions().values()) {
            if (evolution.minWritable() < evolution.current()) {
                types.add(new Writable(evolution.info(), evolution));
            }
        }
        for (Registration<?> registration : config.registrations().values()) {
            boolean listed = types.stream().anyMatch(w -> w.info.name().equals(registration.info().name()));
            if (!listed && !registration.info().aliases().isEmpty()) {
                types.add(new Writable(registration.info(), registration.evolution()));
            }
        }
    }

    boolean hasWork() {
        return !types.isEmpty() && config.writePolicy() != WritePolicy.CURRENT && config.protections();
    }

    /** One pass over every type this node can rewrite. Safe on many nodes at once: rows are locked, skipped. */
    void run() {
        if (!hasWork()) {
            return;
        }
        try {
            var live = fleet.liveNow();
            for (Writable type : types) {
                rewrite(type, WritePlanner.workersOf(type.info, live));
            }
        } catch (RuntimeException e) {
            log.warn("rewriting stranded jobs failed, will try again: {}", e.toString());
        }
    }

    private void rewrite(Writable type, List<NodeType> workers) {
        if (workers.isEmpty()) {
            return; // nobody live to rewrite for: the jobs wait, visibly stranded
        }
        WriteTarget target = WritePlanner.target(type.info, type.evolution, workers);
        if (workers.stream().noneMatch(w -> w.reads(target.type(), target.version(), target.queue()))) {
            return;
        }
        for (String stored : type.info.storedNames()) {
            for (int version = type.evolution.minReadable(); version <= type.evolution.current(); version++) {
                if (readByAny(workers, stored, version)) {
                    continue;
                }
                int from = version;
                int total = 0;
                for (int batch = 0; batch < MAX_BATCHES; batch++) {
                    int done = config.store().jobRewrite(new JobRewriteParams(stored, from, BATCH,
                            (id, payload) -> rewritten(type, from, target, payload)));
                    total += done;
                    if (done < BATCH) {
                        break;
                    }
                }
                if (total > 0) {
                    log.info("rewrote {} waiting jobs of {} v{} that no live worker reads into {} v{} on queue {}",
                            total, stored, from, target.type(), target.version(), target.queue());
                }
            }
        }
    }

    private JobRewriteParams.Rewritten rewritten(Writable type, int version, WriteTarget target, String payload) {
        ObjectNode tree = codec.parse(type.info, version, payload);
        type.evolution.upcast(tree, version);
        type.evolution.downcast(tree, target.version());
        return new JobRewriteParams.Rewritten(target.type(), target.version(), target.queue(), codec.toJson(type.info, tree));
    }

    private static boolean readByAny(List<NodeType> workers, String stored, int version) {
        return workers.stream().anyMatch(w -> w.knows(stored) && version >= w.minVersion() && version <= w.maxVersion());
    }
}
