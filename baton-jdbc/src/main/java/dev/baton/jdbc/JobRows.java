package dev.baton.jdbc;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;

/** Rows of {@code baton_jobs} to SPI records, by column name. */
final class JobRows {

    /** The claim order, for putting a claimed batch back in it: RETURNING and FINAL TABLE promise none. */
    static final Comparator<ClaimedJob> CLAIM_ORDER = Comparator.comparingInt(ClaimedJob::priority)
            .reversed()
            .thenComparing(ClaimedJob::runAt)
            .thenComparingLong(ClaimedJob::id);

    private JobRows() {}

    static JobRecord record(ResultSet rs) throws SQLException {
        return new JobRecord(
                rs.getLong("id"),
                rs.getString("type"),
                rs.getInt("version"),
                rs.getString("queue"),
                JobState.fromCode(rs.getString("state")),
                rs.getString("payload"),
                rs.getInt("priority"),
                rs.getInt("attempt"),
                rs.getInt("max_attempts"),
                Timestamps.get(rs, "created_at"),
                Timestamps.get(rs, "run_at"),
                Timestamps.get(rs, "attempted_at"),
                Timestamps.get(rs, "finished_at"),
                rs.getString("lease_owner"),
                Timestamps.get(rs, "lease_expires_at"),
                rs.getString("unique_key"),
                rs.getString("release"),
                rs.getString("last_error"));
    }

    static ClaimedJob claimed(ResultSet rs) throws SQLException {
        return new ClaimedJob(
                rs.getLong("id"),
                rs.getString("type"),
                rs.getInt("version"),
                rs.getString("queue"),
                rs.getString("payload"),
                rs.getInt("priority"),
                rs.getInt("attempt"),
                rs.getInt("max_attempts"),
                Timestamps.get(rs, "created_at"),
                Timestamps.get(rs, "run_at"),
                rs.getString("release"),
                FormsJson.read(rs.getString("forms")));
    }

    static JobCount count(ResultSet rs) throws SQLException {
        return new JobCount(
                rs.getString("type"),
                rs.getInt("version"),
                rs.getString("queue"),
                JobState.fromCode(rs.getString("state")),
                rs.getLong("n"),
                rs.getInt("min_version"));
    }
}
