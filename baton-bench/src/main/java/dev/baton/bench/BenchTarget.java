package dev.baton.bench;

import java.util.List;

/**
 * One store under test ({@code --store}): where fresh stores come from and what its database can tell
 * about the work done in it. Closing it removes whatever it created.
 */
interface BenchTarget extends AutoCloseable {

    /** {@code postgres} or {@code h2}: the key of its figures in the JSON. */
    String name();

    /** Where it is, for the output: the JDBC URL, or the directory of the embedded stores. */
    String location();

    /**
     * An empty store location of its own (a schema, a directory), removed when closed.
     *
     * @param label names it, for whoever looks while it runs; see {@link #safeLabel}
     */
    StoreLocation fresh(String label);

    /** The label as lower-case letters, digits and underscores, short enough for a PostgreSQL identifier. */
    static String safeLabel(String label) {
        String safe = label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return safe.length() > 40 ? safe.substring(0, 40) : safe;
    }

    Counters counters();

    /**
     * Whether the latency runs enqueue from another node than the worker. Not on H2: it has no wake-up
     * between nodes but polling, and an embedded application enqueues on its own node.
     */
    boolean latencyFromAnotherNode();

    /** What this store does not measure, and why; printed with its figures. */
    List<String> notes();

    @Override
    void close();
}
