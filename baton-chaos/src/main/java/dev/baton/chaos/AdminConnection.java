package dev.baton.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The orchestrator's one connection: the clock every fault is logged by, and the hand that terminates
 * the run's other connections. It reconnects when a restart of the server has closed it.
 */
final class AdminConnection implements AutoCloseable {

    private final String url;
    private Connection connection;

    AdminConnection(String url) {
        this.url = url;
    }

    /** The database's clock, the one the record tables' {@code clock_timestamp()} defaults use. */
    synchronized Instant now() throws SQLException {
        return withRetry(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT clock_timestamp()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        });
    }

    /**
     * Ends every backend of this run's application name except this connection's own: Baton's pools, the
     * LISTEN connections and the record pools of every worker, and the producer's.
     *
     * @return how many backends were told to end
     */
    synchronized int terminate(String applicationName) throws SQLException {
        return withRetry(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                    + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    + " AND application_name = ?")) {
                ps.setString(1, applicationName);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The server's major version, for finding its cluster under /etc/postgresql. */
    synchronized int serverMajorVersion() throws SQLException {
        return withRetry(c -> c.getMetaData().getDatabaseMajorVersion());
    }

    /** Waits until the server takes a connection again; false when it does not within {@code timeout}. */
    synchronized boolean awaitReachable(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                reset();
                connection = DriverManager.getConnection(url);
                connection.isValid(5);
                return true;
            } catch (SQLException e) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        }
    }

    /** The open connection, for the result queries at the end. */
    synchronized Connection connection() throws SQLException {
        if (connection == null || !connection.isValid(5)) {
            reset();
            connection = DriverManager.getConnection(url);
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        reset();
    }

    private <T> T withRetry(SqlFunction<T> query) throws SQLException {
        try {
            return query.apply(connection());
        } catch (SQLException first) {
            // Once: a restart closes this connection too, and the next call is on a fresh one.
            reset();
            return query.apply(connection());
        }
    }

    private void reset() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken: that is why it is being replaced.
            }
            connection = null;
        }
    }

    @FunctionalInterface
    private interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }
}
