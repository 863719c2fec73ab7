package dev.baton.jdbc;

import dev.baton.spi.InsertedJob;
import dev.baton.spi.NewJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Inserts jobs in as few round trips as the unique keys allow: runs of jobs without a key go in multi-row
 * inserts, jobs with a key one at a time, since each may turn out to be a duplicate.
 */
final class JobInserter {

    /** Rows per multi-row insert: 12 parameters each stays far below PostgreSQL's 65,535 limit. */
    static final int CHUNK = 500;

    /** A key's holder may finish between our insert and our look-up; that race is retried, briefly. */
    private static final int UNIQUE_TRIES = 5;

    private final Dialect dialect;
    private final Sql sql;
    private final Channel channel;

    JobInserter(Dialect dialect, Sql sql, Channel channel) {
        this.dialect = dialect;
        this.sql = sql;
        this.channel = channel;
    }

    List<InsertedJob> insert(Connection c, List<NewJob> jobs) throws SQLException {
        InsertedJob[] out = new InsertedJob[jobs.size()];
        Set<String> wokenQueues = new LinkedHashSet<>();
        int i = 0;
        while (i < jobs.size()) {
            if (jobs.get(i).uniqueKey() != null) {
                out[i] = insertUnique(c, jobs.get(i));
                if (!out[i].duplicate()) {
                    wokenQueues.add(jobs.get(i).queue());
                }
                i++;
                continue;
            }
            int end = i;
            while (end < jobs.size() && end - i < CHUNK && jobs.get(end).uniqueKey() == null) {
                end++;
            }
            List<NewJob> chunk = jobs.subList(i, end);
            insertChunk(c, chunk, out, i);
            chunk.forEach(job -> wokenQueues.add(job.queue()));
            i = end;
        }
        if (dialect == Dialect.POSTGRESQL && !wokenQueues.isEmpty()) {
            channel.notify(c, wokenQueues);
        }
        return Arrays.asList(out);
    }

    private void insertChunk(Connection c, List<NewJob> chunk, InsertedJob[] out, int offset) throws SQLException {
        List<Long> ids = new ArrayList<>(chunk.size());
        try (PreparedStatement ps = c.prepareStatement(sql.insert(chunk.size()))) {
            int p = 1;
            for (NewJob job : chunk) {
                p = bind(ps, p, job);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.size() != chunk.size()) {
            throw new SQLException("inserted " + chunk.size() + " jobs but got " + ids.size() + " ids back");
        }
        // Identity values are drawn row by row in VALUES order, so sorting restores input order even if
        // the database returned them in another.
        ids.sort(null);
        for (int k = 0; k < ids.size(); k++) {
            out[offset + k] = new InsertedJob(ids.get(k), false);
        }
    }

    private InsertedJob insertUnique(Connection c, NewJob job) throws SQLException {
        SQLException lastRace = null;
        for (int attempt = 0; attempt < UNIQUE_TRIES; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(sql.insertUnique())) {
                bind(ps, 1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new InsertedJob(rs.getLong(1), false);
                    }
                }
            } catch (SQLException e) {
                // Only H2 gets here on a duplicate; PostgreSQL's ON CONFLICT returns no row instead.
                if (!Errors.isUniqueViolation(e)) {
                    throw e;
                }
                lastRace = e;
            }
            Long existing = liveJobWithKey(c, job);
            if (existing != null) {
                return new InsertedJob(existing, true);
            }
        }
        throw new SQLException("unique key \"" + job.uniqueKey() + "\" of type " + job.type()
                + " kept changing hands while inserting; gave up after " + UNIQUE_TRIES + " tries", lastRace);
    }

    private static Long liveJobWithKey(Connection c, NewJob job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.SELECT_LIVE_UNIQUE)) {
            ps.setString(1, job.type());
            ps.setString(2, job.uniqueKey());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static int bind(PreparedStatement ps, int p, NewJob job) throws SQLException {
        ps.setString(p++, job.type());
        ps.setInt(p++, job.version());
        ps.setString(p++, job.queue());
        ps.setString(p++, job.state().code());
        ps.setString(p++, job.payload());
        ps.setInt(p++, job.priority());
        ps.setInt(p++, job.maxAttempts());
        Timestamps.set(ps, p++, job.runAt());
        Timestamps.set(ps, p++, job.createdAt());
        ps.setString(p++, job.uniqueKey());
        ps.setString(p++, job.uniqueKey());
        ps.setString(p++, job.release());
        ps.setInt(p++, job.minVersion());
        ps.setString(p++, FormsJson.write(job.forms()));
        return p;
    }
}
