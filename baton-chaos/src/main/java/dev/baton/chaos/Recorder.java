package dev.baton.chaos;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A worker's writes to the record tables. Starts and plain effects go through a small pool of the
 * worker's own, in autocommit, so that they are independent of Baton's connections and transactions.
 */
final class Recorder implements AutoCloseable {

    private static final long PID = ProcessHandle.current().pid();

    private final HikariDataSource pool;

    Recorder(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("chaos-record");
        // Small: four workers share the server's 100 connections with Baton's pools.
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(1);
        // A handler waiting on a restarted server fails its attempt and is retried, rather than hanging.
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        this.pool = new HikariDataSource(config);
    }

    static long pid() {
        return PID;
    }

    void started(String key, int attempt, long jobId) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(RecordTables.INSERT_STARTED)) {
            ps.setString(1, key);
            ps.setLong(2, PID);
            ps.setInt(3, attempt);
            ps.setLong(4, jobId);
            ps.executeUpdate();
        }
    }

    /** A plain handler's effect: committed at once, before Baton records the completion. */
    void effect(String key, String kind) throws SQLException {
        try (Connection c = pool.getConnection()) {
            effect(c, key, kind);
        }
    }

    /** A transactional handler's effect, on the job's own transaction: it commits with the completion or not at all. */
    static void effect(Connection connection, String key, String kind) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(RecordTables.INSERT_EFFECT)) {
            ps.setString(1, key);
            ps.setLong(2, PID);
            ps.setString(3, kind);
            ps.executeUpdate();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
