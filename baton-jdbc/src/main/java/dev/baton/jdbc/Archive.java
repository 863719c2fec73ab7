package dev.baton.jdbc;

import dev.baton.spi.ArchiveRestoreParams;
import dev.baton.spi.ArchivedJob;
import dev.baton.spi.JobPurgeParams;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Purge moves pending jobs of a type to {@code baton_archive}; restore moves them back. Each is one
 * transaction, so a job is always in exactly one of the two tables. Jobs keep their id both ways: ids are
 * never reused, and operators can follow one job through logs, archive and back.
 */
final class Archive {

    private static final String COLUMNS =
            "id, type, version, queue, payload, priority, max_attempts, created_at, release";

    private static final String ARCHIVE_COLUMNS = COLUMNS + ", archived_at";

    private static final String JOB_COLUMNS =
            "id, type, version, queue, state, payload, priority, attempt, max_attempts, run_at, created_at, release,"
                    + " min_version";

    /** The restored form of an archive row. Parameter: run_at. */
    private static final String RESTORED_VALUES = "id, type, version, queue, 'waiting', payload, priority, 0,"
            + " max_attempts, ?, created_at, release, version";

    // A job archived, restored and purged again meets its old row only if that row survived somehow (a
    // restore from backup): replacing it beats failing the purge.
    private static final String PURGE_POSTGRES = "WITH moved AS (DELETE FROM baton_jobs WHERE type = ? AND "
            + Sql.CLAIMABLE + " RETURNING " + COLUMNS + ")"
            + " INSERT INTO baton_archive (" + ARCHIVE_COLUMNS + ") SELECT " + COLUMNS + ", ? FROM moved"
            + " ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, version = EXCLUDED.version,"
            + " queue = EXCLUDED.queue, payload = EXCLUDED.payload, priority = EXCLUDED.priority,"
            + " max_attempts = EXCLUDED.max_attempts, created_at = EXCLUDED.created_at,"
            + " release = EXCLUDED.release, archived_at = EXCLUDED.archived_at";

    // Waits for rows a claimer holds rather than skipping them: each then turns out running (left alone)
    // or still pending (purged).
    private static final String LOCK_PENDING_H2 =
            "SELECT id FROM baton_jobs WHERE type = ? AND " + Sql.CLAIMABLE + " FOR UPDATE";

    /** Parameters: archived_at, the id array. */
    private static final String ARCHIVE_H2 = "MERGE INTO baton_archive (" + ARCHIVE_COLUMNS + ") KEY (id)"
            + " SELECT " + COLUMNS + ", ? FROM baton_jobs WHERE id = ANY(?) AND " + Sql.CLAIMABLE;

    private static final String DELETE_ARCHIVED_H2 =
            "DELETE FROM baton_jobs WHERE id = ANY(?) AND " + Sql.CLAIMABLE;

    private static final String LIST = "SELECT " + ARCHIVE_COLUMNS + " FROM baton_archive WHERE type = ?"
            + " ORDER BY archived_at, id";

    /** Parameters: type, run_at. Returns the queues, to wake them. */
    private static final String RESTORE_POSTGRES = "WITH restored AS (DELETE FROM baton_archive WHERE type = ?"
            + " RETURNING " + COLUMNS + ") INSERT INTO baton_jobs (" + JOB_COLUMNS + ")"
            + " SELECT " + RESTORED_VALUES + " FROM restored RETURNING queue";

    private static final String LOCK_ARCHIVED_H2 = "SELECT id FROM baton_archive WHERE type = ? FOR UPDATE";

    /** Parameters: run_at, the id array. */
    private static final String RESTORE_H2 = "INSERT INTO baton_jobs (" + JOB_COLUMNS + ")"
            + " SELECT " + RESTORED_VALUES + " FROM baton_archive WHERE id = ANY(?)";

    private static final String DELETE_RESTORED_H2 = "DELETE FROM baton_archive WHERE id = ANY(?)";

    private final Dialect dialect;
    private final Transactions transactions;
    private final Channel channel;

    Archive(Dialect dialect, Transactions transactions, Channel channel) {
        this.dialect = dialect;
        this.transactions = transactions;
        this.channel = channel;
    }

    int purge(JobPurgeParams params) {
        return transactions.inTransaction("jobPurge", c -> switch (dialect) {
            case POSTGRESQL -> purgePostgres(c, params);
            case H2 -> purgeH2(c, params);
        });
    }

    /**
     * One statement: a claimer holding a row makes the DELETE wait, then re-check the row, which by then
     * is running and is left alone.
     */
    private static int purgePostgres(Connection c, JobPurgeParams params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PURGE_POSTGRES)) {
            ps.setString(1, params.type());
            Timestamps.set(ps, 2, params.archivedAt());
            return ps.executeUpdate();
        }
    }

    /**
     * H2 has no DELETE ... RETURNING to feed an INSERT, so: lock, copy, delete. The copy and the delete
     * name the locked ids, not the type, or a job enqueued between them would be deleted unarchived.
     */
    private static int purgeH2(Connection c, JobPurgeParams params) throws SQLException {
        List<Long> ids;
        try (PreparedStatement ps = c.prepareStatement(LOCK_PENDING_H2)) {
            ps.setString(1, params.type());
            ids = Statements.longs(ps);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Array idArray = Statements.idArray(c, ids);
        int archived;
        try (PreparedStatement ps = c.prepareStatement(ARCHIVE_H2)) {
            Timestamps.set(ps, 1, params.archivedAt());
            ps.setArray(2, idArray);
            archived = ps.executeUpdate();
        }
        int deleted;
        try (PreparedStatement ps = c.prepareStatement(DELETE_ARCHIVED_H2)) {
            ps.setArray(1, idArray);
            deleted = ps.executeUpdate();
        }
        if (archived != deleted) {
            // Cannot happen while the rows stay locked; rolled back rather than lose or copy a job if it does.
            throw new SQLException("archived " + archived + " jobs of type " + params.type() + " but deleted "
                    + deleted + "; rolled back");
        }
        return deleted;
    }

    List<ArchivedJob> list(String type) {
        return transactions.inTransaction("archiveList", c -> {
            try (PreparedStatement ps = c.prepareStatement(LIST)) {
                ps.setString(1, type);
                List<ArchivedJob> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(archived(rs));
                    }
                }
                return jobs;
            }
        });
    }

    int restore(ArchiveRestoreParams params) {
        return transactions.inTransaction("archiveRestore", c -> switch (dialect) {
            case POSTGRESQL -> restorePostgres(c, params);
            case H2 -> restoreH2(c, params);
        });
    }

    private int restorePostgres(Connection c, ArchiveRestoreParams params) throws SQLException {
        List<String> queues;
        try (PreparedStatement ps = c.prepareStatement(RESTORE_POSTGRES)) {
            ps.setString(1, params.type());
            Timestamps.set(ps, 2, params.now());
            queues = Statements.strings(ps);
        }
        Set<String> woken = new LinkedHashSet<>(queues);
        channel.notify(c, woken);
        return queues.size();
    }

    private static int restoreH2(Connection c, ArchiveRestoreParams params) throws SQLException {
        List<Long> ids;
        try (PreparedStatement ps = c.prepareStatement(LOCK_ARCHIVED_H2)) {
            ps.setString(1, params.type());
            ids = Statements.longs(ps);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Array idArray = Statements.idArray(c, ids);
        int restored;
        try (PreparedStatement ps = c.prepareStatement(RESTORE_H2)) {
            Timestamps.set(ps, 1, params.now());
            ps.setArray(2, idArray);
            restored = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(DELETE_RESTORED_H2)) {
            ps.setArray(1, idArray);
            ps.executeUpdate();
        }
        return restored;
    }

    private static ArchivedJob archived(ResultSet rs) throws SQLException {
        return new ArchivedJob(
                rs.getLong("id"),
                rs.getString("type"),
                rs.getInt("version"),
                rs.getString("queue"),
                rs.getString("payload"),
                rs.getInt("priority"),
                rs.getInt("max_attempts"),
                Timestamps.get(rs, "created_at"),
                rs.getString("release"),
                Timestamps.get(rs, "archived_at"));
    }
}
