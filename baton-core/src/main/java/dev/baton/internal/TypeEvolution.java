package dev.baton.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.ConfigException;
import dev.baton.Downcaster;
import dev.baton.PayloadException;
import dev.baton.Upcaster;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version chain of one job type on this node: upcasters {@code k -> k+1} that let it read older
 * payloads, downcasters {@code k+1 -> k} that let it write payloads older workers read. Both chains
 * must be unbroken and end at the current version, which {@link #of} checks when the node is built.
 */
public final class TypeEvolution {

    private final JobTypeInfo info;
    private final String type;
    private final int current;
    private final TreeMap<Integer, Upcaster> upcasters;
    private final TreeMap<Integer, Downcaster> downcasters;

    private TypeEvolution(JobTypeInfo info, Map<Integer, Upcaster> up, Map<Integer, Downcaster> down) {
        this.info = info;
        this.type = info.name();
        int current = info.version();
        this.current = current;
        this.upcasters = new TreeMap<>(up);
        this.downcasters = new TreeMap<>(down);
    }

    /**
     * @param upcasters by the version they read (k of k -> k+1)
     * @param downcasters by the version they read (k+1 of k+1 -> k)
     * @param typeLabel how the builder call names the type, for messages: {@code UserConfirmation.class}
     * @throws ConfigException when a version is out of range or a chain has a gap
     */
    public static TypeEvolution of(JobTypeInfo info, Map<Integer, Upcaster> upcasters,
            Map<Integer, Downcaster> downcasters, String typeLabel) {
        int current = info.version();
        for (int from : upcasters.keySet()) {
            if (from < 1 || from >= current) {
                throw new ConfigException("upcast(" + typeLabel + ", " + from + ")", from, "an upcaster reads version k and "
                        + "writes k+1, so k must be between 1 and " + (current - 1) + " for " + info.name() + " at v" + current
                        + (current == 1 ? " (raise @Job(version) first)" : ""));
            }
        }
        for (int from : downcasters.keySet()) {
            if (from < 2 || from > current) {
                throw new ConfigException("downcast(" + typeLabel + ", " + from + ")", from, "a downcaster reads version k "
                        + "and writes k-1, so k must be between 2 and " + current + " for " + info.name() + " at v" + current);
            }
        }
        requireUnbroken(upcasters.keySet(), current - 1, -1, "upcast", typeLabel, info);
        requireUnbroken(downcasters.keySet(), current, -1, "downcast", typeLabel, info);
        return new TypeEvolution(info, upcasters, downcasters);
    }

    /** A chain must run from its end (current-1 for upcasters, current for downcasters) down without a hole. */
    private static void requireUnbroken(java.util.Set<Integer> versions, int top, int step, String kind, String typeLabel,
            JobTypeInfo info) {
        if (versions.isEmpty()) {
            return;
        }
        int lowest = versions.stream().mapToInt(Integer::intValue).min().orElseThrow();
        for (int k = top; k >= lowest; k += step) {
            if (!versions.contains(k)) {
                String arrow = kind.equals("upcast") ? "v" + k + " -> v" + (k + 1) : "v" + k + " -> v" + (k - 1);
                throw new ConfigException(kind + "(" + typeLabel + ", " + k + ")", null, "the " + kind + " chain of "
                        + info.name() + " has a gap at " + arrow + ", so versions below it could not be "
                        + (kind.equals("upcast") ? "read" : "written") + ": add ." + kind + "(" + typeLabel + ", " + k
                        + ", ...) or remove the " + kind + "ers below it");
            }
        }
    }

    public JobTypeInfo info() {
        return info;
    }

    public int current() {
        return current;
    }

    /** The oldest payload version this node reads: the bottom of the upcaster chain. */
    public int minReadable() {
        return upcasters.isEmpty() ? current : upcasters.firstKey();
    }

    /** The oldest payload version this node can write: the bottom of the downcaster chain. */
    public int minWritable() {
        return downcasters.isEmpty() ? current : downcasters.firstKey() - 1;
    }

    /** Brings a payload of {@code version} up to the current version, in place. */
    public ObjectNode upcast(ObjectNode payload, int version) {
        for (int k = version; k < current; k++) {
            Upcaster upcaster = upcasters.get(k);
            if (upcaster == null) {
                throw new PayloadException(type, version, null, "this node reads v" + minReadable() + " to v" + current
                        + " and has no upcaster from v" + k, null);
            }
            try {
                upcaster.apply(payload);
            } catch (RuntimeException e) {
                throw new PayloadException(type, version, null, "the upcaster v" + k + " -> v" + (k + 1) + " failed: " + e, e);
            }
        }
        return payload;
    }

    /** Takes a current-version payload down to {@code version}, in place. */
    public ObjectNode downcast(ObjectNode payload, int version) {
        for (int k = current; k > version; k--) {
            Downcaster downcaster = downcasters.get(k);
            if (downcaster == null) {
                throw new IllegalStateException(type + ": no downcaster from v" + k + "; the write planner chose v" + version);
            }
            try {
                downcaster.apply(payload);
            } catch (RuntimeException e) {
                throw new PayloadException(type, k, null, "the downcaster v" + k + " -> v" + (k - 1) + " failed: " + e, e);
            }
        }
        return payload;
    }
}
