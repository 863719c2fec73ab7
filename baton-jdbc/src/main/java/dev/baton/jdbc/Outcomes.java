package dev.baton.jdbc;

import dev.baton.spi.JobAttempt;
import dev.baton.spi.JobCompleteAllParams;
import dev.baton.spi.JobCompleteInTransactionParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobParkParams;
import dev.baton.spi.JobReleaseParams;
import dev.baton.spi.JobRetryParams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run reports about its job: completed, retrying, dead, released or parked. Every write is fenced
 * by (id, attempt, running), so a run whose lease lapsed and was taken over changes nothing.
 */
final class Outcomes {

    /** H2 takes the (id, attempt) pairs as an IN list: at most this many per statement. */
    private static final int H2_CHUNK = 500;

    private final Transactions transactions;
    private final Dialect dialect;

    Outcomes(Transactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    boolean complete(JobCompleteParams params) {
        return transactions.inOneStatement("jobComplete", c -> complete(c, params));
    }

    /**
     * On PostgreSQL one statement over two arrays, in autocommit; on H2 an IN list per chunk, in one
     * transaction, so a batch is all or nothing on both.
     */
    JobCompleteAllParams.Result completeAll(JobCompleteAllParams params) {
        String operation = "jobCompleteAll";
        if (dialect == Dialect.POSTGRESQL) {
            return new JobCompleteAllParams.Result(transactions.inOneStatement(operation, c -> {
                try (PreparedStatement ps = c.prepareStatement(params.delete() ? Sql.PG_COMPLETE_ALL_DELETE
                        : Sql.PG_COMPLETE_ALL_KEEP)) {
                    int next = 1;
                    if (!params.delete()) {
                        Timestamps.set(ps, next++, params.finishedAt());
                    }
                    ps.setArray(next++, c.createArrayOf("BIGINT",
                            params.attempts().stream().map(JobAttempt::id).toArray()));
                    ps.setArray(next, c.createArrayOf("INTEGER",
                            params.attempts().stream().map(JobAttempt::attempt).toArray()));
                    return attempts(ps);
                }
            }));
        }
        return new JobCompleteAllParams.Result(transactions.inTransaction(operation, c -> {
            List<JobAttempt> held = new ArrayList<>();
            for (List<JobAttempt> chunk : Statements.chunks(params.attempts(), H2_CHUNK)) {
                try (PreparedStatement ps = c.prepareStatement(Sql.h2CompleteAll(chunk.size(), params.delete()))) {
                    int next = 1;
                    if (!params.delete()) {
                        Timestamps.set(ps, next++, params.finishedAt());
                    }
                    for (JobAttempt attempt : chunk) {
                        ps.setLong(next++, attempt.id());
                        ps.setInt(next++, attempt.attempt());
                    }
                    held.addAll(attempts(ps));
                }
            }
            return held;
        }));
    }

    private static List<JobAttempt> attempts(PreparedStatement ps) throws SQLException {
        List<JobAttempt> attempts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                attempts.add(new JobAttempt(rs.getLong(1), rs.getInt(2)));
            }
        }
        return attempts;
    }

    private static boolean complete(Connection c, JobCompleteParams params) throws SQLException {
        if (params.delete()) {
            try (PreparedStatement ps = c.prepareStatement(Sql.COMPLETE_DELETE)) {
                ps.setLong(1, params.id());
                ps.setInt(2, params.attempt());
                return ps.executeUpdate() == 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.COMPLETE_KEEP)) {
            Timestamps.set(ps, 1, params.finishedAt());
            ps.setLong(2, params.id());
            ps.setInt(3, params.attempt());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The handler's work, then the fenced completion, in one transaction. The fence comes last: a run that
     * lost its job while working (lease lapsed, rescued, claimed again) finds it no longer running under
     * its attempt, and its work is rolled back with it.
     */
    JobCompleteInTransactionParams.Result completeInTransaction(JobCompleteInTransactionParams params) {
        String operation = "jobCompleteInTransaction";
        Connection c = transactions.connect(operation);
        try {
            c.setAutoCommit(false);
            try {
                params.work().run(c);
            } catch (Throwable failure) {
                Transactions.rollbackQuietly(c, failure);
                return JobCompleteInTransactionParams.Result.workFailed(failure);
            }
            boolean held;
            try {
                held = complete(c, params.completion());
            } catch (SQLException | RuntimeException e) {
                Transactions.rollbackQuietly(c, e);
                throw e;
            }
            if (!held) {
                c.rollback();
                return JobCompleteInTransactionParams.Result.notHeld();
            }
            try {
                c.commit();
            } catch (SQLException e) {
                throw Errors.commitUnknown(operation, e);
            }
            c.setAutoCommit(true);
            return JobCompleteInTransactionParams.Result.completed();
        } catch (SQLException e) {
            throw Errors.wrap(operation, e);
        } finally {
            Transactions.closeQuietly(c);
        }
    }

    boolean retry(JobRetryParams params) {
        return transactions.inOneStatement("jobRetry", c -> {
            try (PreparedStatement ps = c.prepareStatement(Sql.RETRY)) {
                Timestamps.set(ps, 1, params.runAt());
                ps.setString(2, params.error());
                ps.setLong(3, params.id());
                ps.setInt(4, params.attempt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    boolean dead(JobDeadParams params) {
        return transactions.inOneStatement("jobDead", c -> {
            try (PreparedStatement ps = c.prepareStatement(Sql.DEAD)) {
                Timestamps.set(ps, 1, params.finishedAt());
                ps.setString(2, params.error());
                ps.setLong(3, params.id());
                ps.setInt(4, params.attempt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    int release(JobReleaseParams params) {
        if (params.jobs().isEmpty()) {
            return 0;
        }
        return transactions.inTransaction("jobRelease", c -> {
            try (PreparedStatement ps = c.prepareStatement(Sql.RELEASE)) {
                for (JobAttempt job : params.jobs()) {
                    Timestamps.set(ps, 1, params.now());
                    ps.setLong(2, job.id());
                    ps.setInt(3, job.attempt());
                    ps.addBatch();
                }
                return Statements.sum(ps.executeBatch());
            }
        });
    }

    boolean park(JobParkParams params) {
        return transactions.inOneStatement("jobPark", c -> {
            try (PreparedStatement ps = c.prepareStatement(Sql.PARK)) {
                Timestamps.set(ps, 1, params.runAt());
                ps.setString(2, params.reason());
                ps.setLong(3, params.id());
                ps.setInt(4, params.attempt());
                return ps.executeUpdate() == 1;
            }
        });
    }
}
