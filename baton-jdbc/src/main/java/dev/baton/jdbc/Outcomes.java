package dev.baton.jdbc;

import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobParkParams;
import dev.baton.spi.JobReleaseParams;
import dev.baton.spi.JobRetryParams;
import java.sql.PreparedStatement;

/**
 * What a run reports about its job: completed, retrying, dead, released or parked. Every write is fenced
 * by (id, attempt, running), so a run whose lease lapsed and was taken over changes nothing.
 */
final class Outcomes {

    private final Transactions transactions;

    Outcomes(Transactions transactions) {
        this.transactions = transactions;
    }

    boolean complete(JobCompleteParams params) {
        return transactions.inTransaction("jobComplete", c -> {
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
        });
    }

    boolean retry(JobRetryParams params) {
        return transactions.inTransaction("jobRetry", c -> {
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
        return transactions.inTransaction("jobDead", c -> {
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
                for (JobReleaseParams.JobAttempt job : params.jobs()) {
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
        return transactions.inTransaction("jobPark", c -> {
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
