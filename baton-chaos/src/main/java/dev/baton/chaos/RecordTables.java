package dev.baton.chaos;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The run's own record, kept apart from Baton's tables so that the verdict never trusts Baton's
 * bookkeeping. Every time is the database's {@code clock_timestamp()}, one clock for every process.
 */
final class RecordTables {

    /** Written in the enqueue's own transaction: a key is here exactly when its job was committed. */
    static final String INSERT_ENQUEUED = "INSERT INTO chaos_enqueued (key, kind) VALUES (?, ?)";
    /** Autocommit at handler start, so that a run that dies still leaves its start behind. */
    static final String INSERT_STARTED = "INSERT INTO chaos_started (key, pid, attempt, job_id) VALUES (?, ?, ?, ?)";
    /** Not unique on purpose: a second row for a key is a duplicate effect. */
    static final String INSERT_EFFECT = "INSERT INTO chaos_effects (key, pid, kind) VALUES (?, ?, ?)";
    static final String INSERT_FAULT = "INSERT INTO chaos_faults (seq, kind, node_id, pid, at) VALUES (?, ?, ?, ?, ?)";

    private static final List<String> DDL = List.of(
            "CREATE TABLE chaos_enqueued (key text PRIMARY KEY, kind text NOT NULL,"
                    + " enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp())",
            // job_id is Baton's, only to find a run in the worker logs; no result reads it.
            "CREATE TABLE chaos_started (key text NOT NULL, pid bigint NOT NULL, attempt int NOT NULL, job_id bigint,"
                    + " at timestamptz NOT NULL DEFAULT clock_timestamp())",
            "CREATE TABLE chaos_effects (key text NOT NULL, pid bigint NOT NULL, kind text NOT NULL,"
                    + " at timestamptz NOT NULL DEFAULT clock_timestamp())",
            // Filled from the orchestrator's log after the run, so that the results are one set of queries.
            "CREATE TABLE chaos_faults (seq int PRIMARY KEY, kind text NOT NULL, node_id text, pid bigint,"
                    + " at timestamptz NOT NULL)",
            "CREATE INDEX chaos_started_key ON chaos_started (key, at)",
            "CREATE INDEX chaos_started_pid ON chaos_started (pid, at)",
            "CREATE INDEX chaos_effects_key ON chaos_effects (key, pid, at)");

    private RecordTables() {}

    static void create(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String ddl : DDL) {
                st.execute(ddl);
            }
        }
    }
}
