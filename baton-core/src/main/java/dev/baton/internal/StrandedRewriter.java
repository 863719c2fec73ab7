package dev.baton.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.WritePolicy;
import dev.baton.spi.JobRewriteParams;
import dev.baton.spi.NodeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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

    private record Unread(String type, int version) {}

    private final NodeConfig config;
    private final PayloadCodec codec;
    private final FleetView fleet;
    private final RunStats stats;
    private final List<Writable> types = new ArrayList<>();
    /** Since when each (stored name, version) has had no live reader, as seen by this node. */
    private final Map<Unread, Instant> unreadSince = new HashMap<>();

    StrandedRewriter(NodeConfig config, PayloadCodec codec, FleetView fleet, RunStats stats) {
        this.config = config;
        this.codec = codec;
        this.fleet = fleet;
        this.stats = stats;
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
        return !types.isEmpty() && config.writePolicy() != WritePolicy.CURRENT;
    }

    /**
     * One periodic pass over every type this node can rewrite. A version is rewritten only once it has had
     * no live reader for {@code rewriteAfter} without a break, so that readers missing a heartbeat or two
     * (a slow database, a pause) never cost their jobs a downcast. Safe on many nodes at once.
     */
    synchronized void run() {
        if (!hasWork()) {
            return;
        }
        try {
            Instant now = config.clock().instant();
            var live = fleet.liveNow();
            Set<Unread> unreadNow = new HashSet<>();
            for (Writable type : types) {
                rewrite(type, WritePlanner.workersOf(type.info, live), unread -> {
                    unreadNow.add(unread);
                    Instant since = unreadSince.computeIfAbsent(unread, u -> now);
                    return !since.plus(config.rewriteAfter()).isAfter(now);
                });
            }
            unreadSince.keySet().retainAll(unreadNow);
        } catch (RuntimeException e) {
            log.warn("rewriting stranded jobs failed, will try again: {}", e.toString());
        }
    }

    /**
     * At a graceful shutdown: when this node is the last live one of its release, the versions only it
     * read are about to lose their last reader, and it may be the last node with the casters to rescue
     * them (a rollback's last N+1 node). While nodes of its release remain, they do it later if needed.
     */
    synchronized void runAtShutdown() {
        if (!hasWork()) {
            return;
        }
        try {
            var others = fleet.liveNow().stream().filter(node -> !node.id().equals(config.nodeId())).toList();
            if (others.stream().anyMatch(node -> config.release().equals(node.release()))) {
                return;
            }
            for (Writable type : types) {
                rewrite(type, WritePlanner.workersOf(type.info, others), unread -> true);
            }
        } catch (RuntimeException e) {
            log.warn("rewriting stranded jobs at shutdown failed; they wait, visibly stranded: {}", e.toString());
        }
    }

    private void rewrite(Writable type, List<NodeType> workers, Predicate<Unread> due) {
        if (workers.isEmpty()) {
            return; // nobody live to rewrite for: the jobs wait, visibly stranded
        }
        WriteTarget target = WritePlanner.target(type.info, type.evolution, workers);
        if (workers.stream().noneMatch(w -> w.reads(target.type(), target.version(), target.queue()))) {
            return;
        }
        for (String stored : type.info.storedNames()) {
            for (int version = type.evolution.minReadable(); version <= type.evolution.current(); version++) {
                if (readByAny(workers, stored, version) || !due.test(new Unread(stored, version))) {
                    continue;
                }
                int from = version;
                int total = 0;
                for (int batch = 0; batch < MAX_BATCHES; batch++) {
                    int done = config.store().jobRewrite(new JobRewriteParams(stored, from, BATCH,
                            newestReadBelow(workers, stored, from), (id, payload) -> rewritten(type, from, target, payload)));
                    total += done;
                    if (done < BATCH) {
                        break;
                    }
                }
                if (total > 0) {
                    stats.add(stored, from, dev.baton.RunOutcome.REWRITTEN, total);
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

    /** The newest version below {@code version} a live worker reads: a job also stored in it needs no rewrite. */
    private static int newestReadBelow(List<NodeType> workers, String stored, int version) {
        for (int v = version - 1; v >= 1; v--) {
            if (readByAny(workers, stored, v)) {
                return v;
            }
        }
        return 0;
    }

    private static boolean readByAny(List<NodeType> workers, String stored, int version) {
        return workers.stream().anyMatch(w -> w.knows(stored) && version >= w.minVersion() && version <= w.maxVersion());
    }
}
