package dev.baton.jdbc;

import dev.baton.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Applies missing migrations in order, each in its own transaction, under a lock so that nodes starting
 * together apply each migration once.
 */
final class Migrator {

    static final String OPERATION = "migrate";

    /** Any fixed key works; this one spells "baton_sv" so it is recognisable in pg_locks. */
    static final long PG_LOCK_KEY = 0x6261746f6e5f7376L;

    /**
     * H2 commits at every DDL statement, so a lock taken in the migrating transaction would be gone after
     * its first CREATE. The lock is instead a row of the version table, held by a second connection.
     */
    static final int H2_LOCK_ROW = 0;

    /** H2's lock timeout. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    /** How long an H2 node waits for another to finish migrating. */
    static final int H2_LOCK_WAIT_MILLIS = 60_000;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Transactions transactions;

    Migrator(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.transactions = new Transactions(dataSource);
    }

    void migrate() {
        switch (dialect) {
            case POSTGRESQL -> migratePostgres();
            case H2 -> migrateH2();
        }
    }

    private void migratePostgres() {
        int current = transactions.inTransaction(OPERATION, c -> {
            lockPostgres(c);
            execute(c, Migration.VERSION_TABLE);
            return currentVersion(c);
        });
        for (Migration m : Migration.ALL) {
            if (m.version() > current) {
                transactions.inTransaction(OPERATION, c -> {
                    lockPostgres(c);
                    if (currentVersion(c) < m.version()) {
                        apply(c, m);
                    }
                    return null;
                });
            }
        }
    }

    private static void lockPostgres(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, PG_LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    private void migrateH2() {
        try (Connection lock = dataSource.getConnection()) {
            boolean autoCommit = lock.getAutoCommit();
            lock.setAutoCommit(false);
            try {
                createH2LockRow(lock);
                lockH2(lock);
                for (Migration m : Migration.ALL) {
                    transactions.inTransaction(OPERATION, c -> {
                        if (currentVersion(c) < m.version()) {
                            apply(c, m);
                        }
                        return null;
                    });
                }
            } finally {
                lock.rollback();
                lock.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw Errors.wrap(OPERATION, e);
        }
    }

    /**
     * Waits in rounds of the session's own lock timeout, which a pooled connection should keep as it is,
     * until another node's migration is done.
     */
    private static void lockH2(Connection lock) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(H2_LOCK_WAIT_MILLIS);
        while (true) {
            try (PreparedStatement ps = lock.prepareStatement(
                    "SELECT version FROM baton_schema_version WHERE version = ? FOR UPDATE")) {
                ps.setInt(1, H2_LOCK_ROW);
                ps.executeQuery().close();
                return;
            } catch (SQLException e) {
                if (!H2_LOCK_TIMEOUT.equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                lock.rollback();
            }
        }
    }

    /** Both racing nodes may try: the loser's failure means the winner did it. */
    private static void createH2LockRow(Connection c) throws SQLException {
        try {
            execute(c, Migration.VERSION_TABLE);
        } catch (SQLException e) {
            if (!"42S01".equals(e.getSQLState())) { // table already exists
                throw e;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO baton_schema_version (version, description,"
                + " applied_at) SELECT ?, ?, ? FROM (VALUES 1) WHERE NOT EXISTS"
                + " (SELECT 1 FROM baton_schema_version WHERE version = ?)")) {
            ps.setInt(1, H2_LOCK_ROW);
            ps.setString(2, "lock row: held FOR UPDATE while a node migrates");
            Timestamps.set(ps, 3, Instant.now());
            ps.setInt(4, H2_LOCK_ROW);
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (!Errors.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** The highest applied version, refusing a schema from a newer Baton. */
    static int currentVersion(Connection c) throws SQLException {
        int version;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(version) FROM baton_schema_version")) {
            rs.next();
            version = rs.getInt(1);
        }
        if (version > Migration.latest()) {
            throw new StoreException(
                    OPERATION,
                    "schema version " + version + " is newer than this Baton (knows up to " + Migration.latest()
                            + "): upgrade Baton",
                    null);
        }
        return version;
    }

    private void apply(Connection c, Migration m) throws SQLException {
        for (String statement : m.statements(dialect)) {
            execute(c, statement);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO baton_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.description());
            // Bookkeeping for humans, not job timing: the node's clock is fine here.
            Timestamps.set(ps, 3, Instant.now());
            ps.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
