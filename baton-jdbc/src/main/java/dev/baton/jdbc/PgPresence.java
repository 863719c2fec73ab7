package dev.baton.jdbc;

import dev.baton.spi.NodePresence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's presence on PostgreSQL: a session-level advisory lock keyed by (lock space, run id), held on a
 * connection kept for the run's life. When the process dies, the kernel closes its socket, PostgreSQL ends
 * the session and drops the lock, and every other node's next rescue sees the run as gone.
 *
 * <p>A thread of its own watches the connection by reading from it (a blocking read with a short timeout,
 * no traffic), so a connection the server ended (a terminated backend, a restart) is noticed within
 * {@link #WATCH_MILLIS} and the lock taken again on a new connection at once. While it is not held the
 * run claims nothing: other nodes may already be rescuing its jobs, and new claims would only be rescued
 * in turn.
 */
final class PgPresence implements NodePresence {

    private static final Logger log = LoggerFactory.getLogger(PgPresence.class);

    static final String LOCK = "SELECT pg_try_advisory_lock(?, ?)";
    static final String UNLOCK = "SELECT pg_advisory_unlock(?, ?)";
    static final int WATCH_MILLIS = 200;
    static final long MIN_RETRY_MILLIS = 50;
    static final long MAX_RETRY_MILLIS = 2_000;

    private final DataSource dataSource;
    private final int lockSpace;
    private final long runId;
    private final Thread watcher;
    private final Object wakeUp = new Object();
    private volatile Connection connection;
    private volatile boolean held;
    private volatile boolean closed;

    private PgPresence(DataSource dataSource, int lockSpace, long runId) {
        this.dataSource = dataSource;
        this.lockSpace = lockSpace;
        this.runId = runId;
        this.watcher = new Thread(this::watch, "baton-presence-" + runId);
        this.watcher.setDaemon(true);
    }

    /** Takes the lock now, so that the run is present before it claims anything, then watches it. */
    static PgPresence open(DataSource dataSource, int lockSpace, long runId) throws SQLException {
        PgPresence presence = new PgPresence(dataSource, lockSpace, runId);
        presence.connection = presence.lock();
        presence.held = true;
        presence.watcher.start();
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

    /** No I/O: the watcher keeps the answer current. */
    @Override
    public boolean refresh() {
        return held;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            watcher.join(WATCH_MILLIS * 10L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c = connection;
        connection = null;
        held = false;
        if (c == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UNLOCK)) {
            bind(ps);
            ps.execute();
        } catch (SQLException e) {
            log.debug("run {}: unlocking the presence failed; the session is probably gone already", runId, e);
            discard(c);
            return;
        }
        closeQuietly(c);
    }

    private void watch() {
        long retry = MIN_RETRY_MILLIS;
        while (!closed) {
            Connection c = connection;
            if (c != null) {
                try {
                    // Reads the socket for up to WATCH_MILLIS: returns quietly while the session lives and
                    // throws as soon as the server has ended it.
                    c.unwrap(PGConnection.class).getNotifications(WATCH_MILLIS);
                    continue;
                } catch (SQLException e) {
                    if (closed) {
                        return;
                    }
                    held = false;
                    connection = null;
                    discard(c);
                    log.warn("run {}: the presence connection failed ({}); taking the presence again", runId, e.toString());
                }
            }
            try {
                Connection fresh = lock();
                if (closed) {
                    discard(fresh);
                    return;
                }
                connection = fresh;
                held = true;
                retry = MIN_RETRY_MILLIS;
                log.info("run {}: presence taken again on a new connection", runId);
            } catch (SQLException | RuntimeException e) {
                log.warn("run {}: cannot take the presence again yet, retrying in {} ms: {}", runId, retry, e.toString());
                pause(retry);
                retry = Math.min(retry * 2, MAX_RETRY_MILLIS);
            }
        }
    }

    private Connection lock() throws SQLException {
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
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private void bind(PreparedStatement ps) throws SQLException {
        ps.setInt(1, lockSpace);
        ps.setInt(2, (int) runId);
    }

    private void pause(long millis) {
        synchronized (wakeUp) {
            if (!closed) {
                try {
                    wakeUp.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    /**
     * A pooled connection keeps session locks when it goes back to the pool, so a connection whose lock
     * state is unknown is aborted (the pool drops it), never returned.
     */
    private static void discard(Connection c) {
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
