package dev.baton.example.shop.common;

import dev.baton.Baton;
import dev.baton.BatonBuilder;
import dev.baton.WritePolicy;
import dev.baton.Enqueued;
import dev.baton.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What every release's {@code ShopRelease} does the same way: build and start a node from the settings, and
 * enqueue a job together with its {@code example_enqueued} row. What differs between releases (the
 * handlers, the queues, the retired types, the traffic mix) is passed in.
 */
public final class ShopNode {

    /** The roles a node can have. */
    public static final Set<String> ROLES = Set.of("web", "worker", "both");

    private ShopNode() {}

    /**
     * A started node: its Baton (the producer, and with protections the worker too) and, without
     * protections, the conventional queue that runs its jobs instead. A {@link Supplier} of the Baton and an
     * {@link AutoCloseable}, both JDK types, so that an orchestrator in another class loader can use it.
     */
    public record Started(Baton baton, ConventionalQueue conventional) implements AutoCloseable, Supplier<Baton> {

        @Override
        public Baton get() {
            return baton;
        }

        /** Stops the worker side first, so that nothing runs after the node left the fleet. */
        @Override
        public void close() {
            if (conventional != null) {
                conventional.close();
            }
            baton.close();
        }
    }

    /**
     * Builds and starts a node of {@code release}: role "web" (enqueues only), "worker" or "both". With
     * {@code protect}, a Baton node runs the release's handlers; without, the node enqueues the current
     * version only ({@link WritePolicy#CURRENT}) and a {@link ConventionalQueue} (reading as the
     * {@code reading} setting says) runs the same handlers: what a conventional job system does. Creates the example tables if missing.
     *
     * @return the started node
     * @throws IllegalArgumentException for an unknown role or setting, or a bad setting value
     */
    public static Started start(JdbcStore store, String release, String nodeId, String role, boolean protect,
            Map<String, String> settings, BiConsumer<WorkerSetup, Settings> worker) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(nodeId, "nodeId");
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("role " + role + ": it must be web, worker or both");
        }
        Settings s = Settings.of(settings);
        ExampleTables.create(store.dataSource());
        BatonBuilder builder = Baton.builder()
                .store(store)
                .release(release)
                .nodeId(nodeId)
                .role(role)
                .defaults(s.jobSettings())
                .pollInterval(Duration.ofMillis(s.pollMillis()))
                .heartbeatInterval(Duration.ofMillis(s.heartbeatMillis()))
                .nodeTtl(Duration.ofMillis(s.nodeTtlMillis()))
                .fleetRefreshInterval(Duration.ofMillis(s.fleetRefreshMillis()))
                .leaseDuration(Duration.ofMillis(s.leaseMillis()))
                .rescueInterval(Duration.ofMillis(s.rescueMillis()))
                .shutdownTimeout(Duration.ofMillis(s.shutdownMillis()));
        boolean works = !role.equals("web");
        if (protect) {
            if (works) {
                worker.accept(WorkerSetup.of(builder).working(Duration.ofMillis(s.workMillis())), s);
            }
            return new Started(builder.build().start(), null);
        }
        Baton producer = builder.writePolicy(WritePolicy.CURRENT).build().start();
        if (!works) {
            return new Started(producer, null);
        }
        ConventionalQueue conventional = new ConventionalQueue(store, nodeId, release, s.reading(), s);
        worker.accept(conventional.working(Duration.ofMillis(s.workMillis())), s);
        return new Started(producer, conventional.start());
    }

    /**
     * Enqueues {@code job} in one transaction with its {@code example_enqueued} row: the row exists if and
     * only if the job does.
     *
     * @return the job id
     */
    public static long enqueue(Baton web, JdbcStore store, String release, Object job) {
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Enqueued enqueued = web.enqueue(connection, job);
                ExampleTables.recordEnqueued(connection, enqueued.id(), enqueued.type(), release, web.nodeId(), job);
                connection.commit();
                return enqueued.id();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("enqueue of " + job + " failed: " + e.getMessage(), e);
        }
    }
}
