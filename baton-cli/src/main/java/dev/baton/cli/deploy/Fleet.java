package dev.baton.cli.deploy;

import dev.baton.jdbc.JdbcStore;
import java.util.List;

/**
 * The nodes of one scenario run, all on one empty store: in this JVM ({@link InJvmFleet}) or as real
 * processes ({@link ProcessFleet}). Web nodes enqueue the example app's traffic mix; workers run it.
 */
public interface Fleet extends AutoCloseable {

    /**
     * Starts a node and returns once it has joined the fleet.
     *
     * @param release {@code "n"} or {@code "n+1"}
     * @param role {@code web}, {@code worker} or {@code both}
     */
    void start(String release, String role, String nodeId);

    /** Starts several nodes; a fleet that can start them side by side does. */
    default void startAll(List<NodeSpec> nodes) {
        nodes.forEach(node -> start(node.release(), node.role(), node.nodeId()));
    }

    /** Shuts a node down gracefully: it finishes its running jobs and leaves the fleet. */
    void stop(String nodeId);

    void stopAll();

    /**
     * Ends a node as a crash does: no shutdown runs, nothing is handed back, and its leases stay until
     * the fleet notices. {@code whileDown} runs once the node can no longer reach the store and before
     * any other node can have noticed, so that the jobs it had in flight are counted exactly.
     */
    void kill(String nodeId, Runnable whileDown);

    /** From now on, web nodes enqueue at a steady rate. */
    void startTraffic();

    /** Web nodes stop enqueuing. */
    void stopTraffic();

    /** Jobs enqueued since the run started. */
    long enqueued();

    /** Enqueues the app refused because no live worker could run the job ({@code NoCapableWorkerException}). */
    default long refused() {
        return 0;
    }

    /** The run's database, for measuring; open until {@link #close()}. */
    JdbcStore store();

    /** Stops every node and releases the run's database. */
    @Override
    void close();
}
