package dev.baton;

import dev.baton.spi.JobCount;
import dev.baton.spi.JobState;
import dev.baton.spi.JobStore;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Read-only questions operators and pipelines ask during a deploy: which versions of a type are still
 * in flight, whether a type is drained below a version (the gate before removing an upcaster or a
 * retired type), and which jobs no live worker can take. The CLI answers with this; so can a test.
 */
public final class BatonInspector {

    private final JobStore store;
    private final Clock clock;
    private final Duration nodeTtl;

    public BatonInspector(JobStore store, Clock clock, Duration nodeTtl) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nodeTtl = Objects.requireNonNull(nodeTtl, "nodeTtl");
    }

    /** Every registered node, live first, then by id. */
    public List<FleetNode> fleet() {
        Instant now = clock.instant();
        return store.nodeList().stream()
                .map(node -> new FleetNode(node, node.liveAt(now, nodeTtl)))
                .sorted(Comparator.comparing((FleetNode n) -> !n.live()).thenComparing(n -> n.node().id()))
                .toList();
    }

    /** Job counts of one stored type name, per version, queue and state. */
    public List<JobCount> versions(String type) {
        return store.jobCount().stream().filter(c -> c.type().equals(type))
                .sorted(Comparator.comparingInt(JobCount::version).thenComparing(JobCount::queue)
                        .thenComparing(JobCount::state))
                .toList();
    }

    /**
     * True when no job of {@code type} with a version below {@code belowVersion} is waiting, scheduled,
     * retrying or running: payloads that old are gone, so code that reads them can go too.
     */
    public boolean drained(String type, int belowVersion) {
        return versions(type).stream()
                .noneMatch(c -> c.version() < belowVersion && (c.state().isPending() || c.state() == JobState.RUNNING));
    }

    /** Pending jobs no live worker can take, by (type, version, queue), with the reason. */
    public List<StrandedJobs> stranded() {
        List<NodeType> live = fleet().stream().filter(FleetNode::live)
                .flatMap(n -> n.node().types().stream()).toList();
        Map<String, Long> pending = new LinkedHashMap<>();
        Map<String, Integer> oldestForm = new java.util.HashMap<>();
        for (JobCount count : store.jobCount()) {
            if (count.state().isPending()) {
                String key = count.type() + "\u0000" + count.version() + "\u0000" + count.queue();
                pending.merge(key, count.count(), Long::sum);
                oldestForm.merge(key, count.minVersion(), Math::max);
            }
        }
        List<StrandedJobs> stranded = new ArrayList<>();
        pending.forEach((key, n) -> {
            String[] parts = key.split("\u0000");
            String type = parts[0];
            int version = Integer.parseInt(parts[1]);
            String queue = parts[2];
            // Jobs stored in several forms are taken by a worker that reads any of them; counted at their
            // newest oldest form, so that jobs with fewer forms are never hidden behind those with more.
            int from = oldestForm.get(key);
            if (live.stream().anyMatch(t -> readsAny(t, type, from, version, queue))) {
                return;
            }
            List<NodeType> knowing = live.stream().filter(t -> t.knows(type)).toList();
            if (knowing.isEmpty()) {
                stranded.add(new StrandedJobs(type, version, queue, n, StrandedJobs.Reason.NO_WORKER_FOR_TYPE,
                        "no live worker runs " + type + ": deploy workers that handle it (or retire it)"));
            } else if (knowing.stream().noneMatch(t -> version >= t.minVersion() && version <= t.maxVersion())) {
                stranded.add(new StrandedJobs(type, version, queue, n, StrandedJobs.Reason.NO_WORKER_FOR_VERSION,
                        "no live worker reads " + type + " v" + version + "; live workers read " + ranges(knowing)));
            } else {
                stranded.add(new StrandedJobs(type, version, queue, n, StrandedJobs.Reason.NO_WORKER_FOR_QUEUE,
                        "no live worker claims " + type + " from queue \"" + queue + "\"; live workers serve it on "
                                + knowing.stream().flatMap(t -> t.queues().stream()).distinct().toList()
                                + ": move them with `baton queues migrate` (Baton.migrateQueue) or serve the queue"));
            }
        });
        return stranded;
    }

    private static boolean readsAny(NodeType reader, String type, int from, int to, String queue) {
        for (int v = from; v <= to; v++) {
            if (reader.reads(type, v, queue)) {
                return true;
            }
        }
        return false;
    }

    private static String ranges(List<NodeType> types) {
        return types.stream().map(t -> t.retired() ? "any (retired)" : "v" + t.minVersion() + "-v" + t.maxVersion())
                .distinct().collect(Collectors.joining(", "));
    }
}
