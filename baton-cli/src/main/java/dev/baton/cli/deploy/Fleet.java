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

    /** Whether {@link #kill} is possible: nodes are processes of their own. */
    default boolean canKill() {
        return false;
    }

    /** Kills a node with SIGKILL and waits until its process is gone. */
    default void kill(String nodeId) {
        throw new UnsupportedOperationException("this fleet's nodes share one JVM: none can be killed alone");
    }

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
