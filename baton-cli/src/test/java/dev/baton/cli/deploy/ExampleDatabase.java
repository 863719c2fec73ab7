package dev.baton.cli.deploy;

import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** A run's database as the example app leaves it: its two tables beside Baton's, filled by hand. */
final class ExampleDatabase {

    private final JdbcStore store;

    ExampleDatabase(JdbcStore store) {
        this.store = store;
        store.migrate();
        sql("CREATE TABLE IF NOT EXISTS example_enqueued (job_id BIGINT PRIMARY KEY, type VARCHAR(200), "
                + "release VARCHAR(50), node VARCHAR(200), enqueued_at TIMESTAMP WITH TIME ZONE, sent VARCHAR(4000))");
        sql("CREATE TABLE IF NOT EXISTS example_handled (job_id BIGINT, type VARCHAR(200), version INT, "
                + "release VARCHAR(50), node VARCHAR(200), handled_at TIMESTAMP WITH TIME ZONE, received VARCHAR(4000))");
    }

    /** A job in baton_jobs and its example_enqueued row; returns its id. */
    long enqueue(String type, Instant at) {
        long id = store.jobInsert(new JobInsertParams(List.of(new NewJob(type, 1, "default", "{}", JobState.WAITING,
                0, 3, at, at, null, "n")), null)).get(0).id();
        recordEnqueued(id, type, at);
        return id;
    }

    /** An example_enqueued row only, as if the job had vanished from the store. */
    void recordEnqueued(long id, String type, Instant at) {
        update("INSERT INTO example_enqueued (job_id, type, release, node, enqueued_at) VALUES (?, ?, 'n', 'web-n', ?)",
                id, type, Timestamp.from(at));
    }

    void handled(long id, Instant at) {
        update("INSERT INTO example_handled (job_id, type, version, release, node, handled_at)"
                + " VALUES (?, 'x', 1, 'n', 'worker-1-n', ?)", id, Timestamp.from(at));
    }

    /** What the producer sent and the handler received, as the example app records them. */
    void payloads(long id, String sent, String received) {
        update("UPDATE example_enqueued SET sent = ? WHERE job_id = ?", sent, id);
        update("UPDATE example_handled SET received = ? WHERE job_id = ?", received, id);
    }

    void attempt(long id, int attempt) {
        update("UPDATE baton_jobs SET attempt = ? WHERE id = ?", attempt, id);
    }

    void state(long id, String state, String lastError) {
        update("UPDATE baton_jobs SET state = ?, last_error = ? WHERE id = ?", state, lastError, id);
    }

    void sql(String sql) {
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
