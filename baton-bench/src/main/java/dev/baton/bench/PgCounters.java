package dev.baton.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * PostgreSQL's counters, read on a fresh connection each time, so that no statistics snapshot is reused:
 * transactions from {@code pg_stat_database} for the current database, and the server's CPU from /proc
 * when it runs on this machine. Both count the whole database or server, so it also tracks how many other
 * sessions were connected to the database while they were read.
 */
final class PgCounters implements Counters {

    /** {@code application_name} of every connection the bench's stores open; the probe's own differs. */
    static final String APPLICATION = "baton-bench";
    private static final String PROBE = "baton-bench-probe";
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long SETTLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final String XACTS = "SELECT xact_commit + xact_rollback FROM pg_stat_database"
            + " WHERE datname = current_database()";
    private static final String OURS = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name = ?";
    private static final String OTHERS = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name NOT IN (?, ?)";

    private final String probeUrl;
    private final boolean local;
    private volatile long mostOtherSessions;

    PgCounters(String baseUrl) {
        this.probeUrl = JdbcUrls.with(baseUrl, "ApplicationName", PROBE);
        this.local = JdbcUrls.isLocalPostgres(baseUrl);
    }

    /** Read in one transaction of the probe's own, so that reading adds one transaction to the count, not three. */
    @Override
    public Long transactions() {
        try (Connection c = DriverManager.getConnection(probeUrl)) {
            c.setAutoCommit(false);
            clearSnapshot(c);
            countOthers(c);
            try (PreparedStatement ps = c.prepareStatement(XACTS); ResultSet rs = ps.executeQuery()) {
                Long count = rs.next() ? rs.getLong(1) : null;
                c.commit();
                return count;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_database: " + e.getMessage(), e);
        }
    }

    @Override
    public Long databaseCpuNanos() {
        return local ? ProcCpu.postgresNanos() : null;
    }

    boolean measuresCpu() {
        return local && ProcCpu.postgresNanos() != null;
    }

    /** Polls in one transaction, clearing the statistics snapshot each time, so that waiting adds one transaction. */
    @Override
    public void settle() {
        long end = System.nanoTime() + SETTLE_NANOS;
        try (Connection c = DriverManager.getConnection(probeUrl)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(OURS)) {
                ps.setString(1, APPLICATION);
                while (System.nanoTime() < end) {
                    clearSnapshot(c);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getLong(1) == 0) {
                            break;
                        }
                    }
                    LockSupport.parkNanos(SETTLE_POLL_NANOS);
                }
            }
            // Past the time limit the counters are read with a session still open, and may miss its last second.
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_activity: " + e.getMessage(), e);
        }
    }

    private static void clearSnapshot(Connection c) throws SQLException {
        try (PreparedStatement clear = c.prepareStatement("SELECT pg_stat_clear_snapshot()")) {
            clear.execute();
        }
    }

    /** The most client sessions of others seen in the database at any reading. */
    long mostOtherSessions() {
        return mostOtherSessions;
    }

    private void countOthers(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OTHERS)) {
            ps.setString(1, APPLICATION);
            ps.setString(2, PROBE);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    mostOtherSessions = Math.max(mostOtherSessions, rs.getLong(1));
                }
            }
        }
    }
}
