package dev.baton.jdbc;

import dev.baton.spi.NodePresence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's presence on PostgreSQL: a session-level advisory lock keyed by (lock space, run id), held on a
 * connection kept for the run's life. When the process dies, the kernel closes its socket, PostgreSQL ends
 * the session and drops the lock, and every other node's next rescue sees the run as gone.
 *
 * <p>Called from one thread (the heartbeat) only.
 */
final class PgPresence implements NodePresence {

    private static final Logger log = LoggerFactory.getLogger(PgPresence.class);

    static final String LOCK = "SELECT pg_try_advisory_lock(?, ?)";
    static final String UNLOCK = "SELECT pg_advisory_unlock(?, ?)";
    static final String HELD = "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
            + " AND classid = CAST(? AS oid) AND objid = CAST(? AS oid) AND objsubid = 2 AND granted";
    /** A hung check must not hold the heartbeat for long. */
    static final int QUERY_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final int lockSpace;
    private final long runId;
    private Connection connection;

    private PgPresence(DataSource dataSource, int lockSpace, long runId) {
        this.dataSource = dataSource;
        this.lockSpace = lockSpace;
        this.runId = runId;
    }

    /** Takes the lock now, so that the run is present before it claims anything. */
    static PgPresence open(DataSource dataSource, int lockSpace, long runId) throws SQLException {
        PgPresence presence = new PgPresence(dataSource, lockSpace, runId);
        presence.lock();
        return presence;
    }

    @Override
    public long runId() {
        return runId;
    }

    @Override
    public boolean tiedToConnection() {
        return true;
    }

    @Override
    public boolean refresh() {
        try {
            if (connection != null && held()) {
                return true;
            }
        } catch (SQLException e) {
            log.warn("run {}: the presence connection failed ({}); taking the presence again", runId, e.toString());
        }
        discard();
        try {
            lock();
            log.info("run {}: presence taken again on a new connection", runId);
            return true;
        } catch (SQLException e) {
            discard();
            log.warn("run {}: cannot take the presence again yet, will retry at the next heartbeat: {}", runId, e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(UNLOCK)) {
            bind(ps);
            ps.execute();
        } catch (SQLException e) {
            log.debug("run {}: unlocking the presence failed; the session is probably gone already", runId, e);
            discard();
            return;
        }
        closeQuietly(connection);
        connection = null;
    }

    private void lock() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        throw new SQLException("advisory lock (" + lockSpace + ", " + runId + ") is held by another"
                                + " session; run ids are unique, so another store in this database shares the lock space");
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        connection = c;
    }

    private boolean held() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(HELD)) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void bind(PreparedStatement ps) throws SQLException {
        ps.setInt(1, lockSpace);
        ps.setInt(2, (int) runId);
    }

    /**
     * A pooled connection keeps session locks when it goes back to the pool, so a connection whose lock
     * state is unknown is aborted (the pool drops it), never returned.
     */
    private void discard() {
        Connection c = connection;
        connection = null;
        if (c == null) {
            return;
        }
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing a presence connection failed", e);
        }
    }
}
