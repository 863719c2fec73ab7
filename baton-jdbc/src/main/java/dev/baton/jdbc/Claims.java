package dev.baton.jdbc;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobRescueParams;
import dev.baton.spi.JobRescueResult;
import dev.baton.spi.JobState;
import dev.baton.spi.ReadableRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Claiming due jobs and rescuing the jobs of runs that are over (lapsed lease, or a dead process). PostgreSQL picks and updates in one statement; H2 picks
 * with {@code FOR UPDATE SKIP LOCKED} and then updates the picked ids, in the same transaction.
 */
final class Claims {

    private final Dialect dialect;
    private final Sql sql;
    private final Transactions transactions;
    private final Channel channel;

    Claims(Dialect dialect, Sql sql, Transactions transactions, Channel channel) {
        this.dialect = dialect;
        this.sql = sql;
        this.transactions = transactions;
        this.channel = channel;
    }

    List<ClaimedJob> claim(JobClaimParams params) {
        if (params.readable().isEmpty()) {
            return List.of();
        }
        // PostgreSQL claims in one statement, so it runs in autocommit: no COMMIT round trip per claim.
        List<ClaimedJob> claimed = switch (dialect) {
            case POSTGRESQL -> transactions.inOneStatement("jobClaim", c -> claimPostgres(c, params));
            case H2 -> transactions.inTransaction("jobClaim", c -> claimH2(c, params));
        };
        claimed.sort(JobRows.CLAIM_ORDER);
        return claimed;
    }

    private List<ClaimedJob> claimPostgres(Connection c, JobClaimParams params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.claim(params.readable()))) {
            int p = bindPick(ps, params, params.limit());
            Timestamps.set(ps, p++, params.now());
            ps.setString(p++, params.owner());
            ps.setLong(p++, params.runId());
            Timestamps.set(ps, p, params.leaseExpiresAt());
            return claimedJobs(ps);
        }
    }

    private List<ClaimedJob> claimH2(Connection c, JobClaimParams params) throws SQLException {
        List<Long> candidates;
        try (PreparedStatement ps = c.prepareStatement(sql.claim(params.readable()))) {
            bindPick(ps, params, candidates(params.limit()));
            candidates = Statements.longs(ps);
        }
        if (candidates.isEmpty()) {
            return new ArrayList<>();
        }
        java.util.Set<Long> locked;
        try (PreparedStatement ps = c.prepareStatement(Sql.h2Lock(candidates.size(), params.readable()))) {
            Statements.bindIds(ps, 1, candidates);
            int p = candidates.size() + 1;
            ps.setString(p++, params.queue());
            bindRanges(ps, p, params.readable());
            locked = new java.util.HashSet<>(Statements.longs(ps));
        }
        // In claim order, as many as asked: a candidate claimed meanwhile by another node drops out.
        List<Long> ids = candidates.stream().filter(locked::contains).limit(params.limit()).toList();
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.claimPicked(ids.size()))) {
            Timestamps.set(ps, 1, params.now());
            ps.setString(2, params.owner());
            ps.setLong(3, params.runId());
            Timestamps.set(ps, 4, params.leaseExpiresAt());
            Statements.bindIds(ps, 5, ids);
            return claimedJobs(ps);
        }
    }

    /**
     * H2 locks from a list of candidates read without locks: the limit and some, so that rows another
     * claim holds at the same moment do not leave this one short.
     */
    private static int candidates(int limit) {
        return (int) Math.min(Integer.MAX_VALUE, limit + Math.max(16L, limit / 4));
    }

    /** Binds queue, now, the readable ranges and a limit; returns the next parameter index. */
    private static int bindPick(PreparedStatement ps, JobClaimParams params, int limit) throws SQLException {
        int p = 1;
        ps.setString(p++, params.queue());
        Timestamps.set(ps, p++, params.now());
        p = bindRanges(ps, p, params.readable());
        ps.setInt(p++, limit);
        return p;
    }

    private static int bindRanges(PreparedStatement ps, int first, List<ReadableRange> ranges) throws SQLException {
        int p = first;
        for (ReadableRange r : ranges) {
            ps.setString(p++, r.type());
            ps.setInt(p++, r.minVersion());
            ps.setInt(p++, r.maxVersion());
        }
        return p;
    }

    private static List<ClaimedJob> claimedJobs(PreparedStatement ps) throws SQLException {
        List<ClaimedJob> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(JobRows.claimed(rs));
            }
        }
        return jobs;
    }

    JobRescueResult rescue(JobRescueParams params) {
        List<String> states = transactions.inTransaction("jobRescue", c -> {
            try (PreparedStatement pick = c.prepareStatement(sql.rescue())) {
                int p = 1;
                Timestamps.set(pick, p++, params.now());
                if (dialect == Dialect.POSTGRESQL) {
                    pick.setInt(p++, channel.lockSpace());
                }
                pick.setInt(p++, params.limit());
                if (dialect == Dialect.POSTGRESQL) {
                    bindRescue(pick, p, params);
                    return Statements.strings(pick);
                }
                List<Long> ids = Statements.longs(pick);
                if (ids.isEmpty()) {
                    return List.<String>of();
                }
                try (PreparedStatement update = c.prepareStatement(Sql.rescuePicked(ids.size()))) {
                    Statements.bindIds(update, bindRescue(update, 1, params), ids);
                    return Statements.strings(update);
                }
            }
        });
        int dead = (int) states.stream().filter(JobState.DEAD.code()::equals).count();
        return new JobRescueResult(states.size() - dead, dead);
    }

    private static int bindRescue(PreparedStatement ps, int p, JobRescueParams params) throws SQLException {
        Timestamps.set(ps, p++, params.now());
        Timestamps.set(ps, p++, params.now());
        ps.setString(p++, Sql.LAPSED_NOTE_PREFIX);
        ps.setString(p++, Sql.LAPSED_NOTE_SUFFIX);
        return p;
    }
}
