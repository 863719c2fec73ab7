package dev.baton.example.shop.common;

import dev.baton.JobContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The shop's own two tables, which show what happened from the application's side: a row in
 * {@code example_enqueued} per job it enqueued (in the same transaction as the job, so the row exists
 * if and only if the job does) and a row in {@code example_handled} per run of a handler. There is no
 * key on {@code example_handled}: a job run twice shows up twice, which is how duplicates are counted.
 * The SQL runs unchanged on H2 2.3 and PostgreSQL 15.
 */
public final class ExampleTables {

    public static final String ENQUEUED = "example_enqueued";
    public static final String HANDLED = "example_handled";

    private static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS example_enqueued (job_id BIGINT PRIMARY KEY, type VARCHAR(200), "
                    + "release VARCHAR(50), node VARCHAR(200), enqueued_at TIMESTAMP WITH TIME ZONE, sent VARCHAR(4000))",
            "CREATE TABLE IF NOT EXISTS example_handled (job_id BIGINT, type VARCHAR(200), version INT, "
                    + "release VARCHAR(50), node VARCHAR(200), handled_at TIMESTAMP WITH TIME ZONE, received VARCHAR(4000))",
            "CREATE INDEX IF NOT EXISTS example_handled_job_id ON example_handled (job_id)");

    /**
     * Two nodes starting together may both find a table missing: PostgreSQL then fails the loser with a unique
     * violation on its catalog (23505) or "already exists" (42P07, 42710), H2 with 42S01 or 42S11. Once the
     * winner committed, IF NOT EXISTS holds on the next attempt. Anything else (no database, no rights) fails
     * at once.
     */
    private static final Set<String> RACES = Set.of("23505", "42P07", "42710", "42S01", "42S11", "40001", "40P01");
    private static final int ATTEMPTS = 3;

    private ExampleTables() {}

    /** Creates the tables when missing. Safe to call from several nodes at once. */
    public static void create(DataSource dataSource) {
        for (String ddl : DDL) {
            SQLException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(true);
                    statement.execute(ddl);
                    last = null;
                    break;
                } catch (SQLException e) {
                    last = e;
                    if (!RACES.contains(e.getSQLState())) {
                        break;
                    }
                }
            }
            if (last != null) {
                throw new IllegalStateException("cannot create the shop's tables (" + ddl + "): " + last.getMessage(), last);
            }
        }
    }

    /**
     * Inserts the example_enqueued row in the caller's transaction, with {@code sent}: the job record as
     * the producer made it, as JSON, so that what a handler receives can be held against it.
     */
    public static void recordEnqueued(Connection transaction, long jobId, String type, String release, String node,
            Object sent) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement("INSERT INTO example_enqueued "
                + "(job_id, type, release, node, enqueued_at, sent) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, ?)")) {
            insert.setLong(1, jobId);
            insert.setString(2, type);
            insert.setString(3, release);
            insert.setString(4, node);
            insert.setString(5, RecordJson.write(sent));
            insert.executeUpdate();
        }
    }

    /**
     * Inserts one example_handled row in a short transaction of its own: the job id, the type and the
     * version as stored (before any upcasting), who ran it, and {@code received}: the job record as the
     * handler got it, as JSON.
     */
    public static void recordHandled(DataSource dataSource, JobContext ctx, String release, String node, Object received)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO example_handled (job_id, type,"
                    + " version, release, node, handled_at, received) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?)")) {
                insert.setLong(1, ctx.id());
                insert.setString(2, ctx.type());
                insert.setInt(3, ctx.version());
                insert.setString(4, release);
                insert.setString(5, node);
                insert.setString(6, RecordJson.write(received));
                insert.executeUpdate();
            }
        }
    }
}
