package dev.baton.jdbc;

import dev.baton.spi.JobAttempt;
import dev.baton.spi.JobLeaseExtendParams;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * A run's heartbeat extends the leases of the jobs it holds, each named by (id, attempt) and fenced by
 * the run id, so a process restarted under the same node id never extends the jobs of the one before.
 */
final class Leases {

    /** Bounds one statement's parameter list; a node runs far fewer jobs at once. */
    static final int EXTEND_CHUNK = 500;

    private final Transactions transactions;

    Leases(Transactions transactions) {
        this.transactions = transactions;
    }

    int extend(JobLeaseExtendParams params) {
        if (params.jobs().isEmpty()) {
            return 0;
        }
        return transactions.inTransaction("jobLeaseExtend", c -> {
            int extended = 0;
            for (List<JobAttempt> chunk : Statements.chunks(params.jobs(), EXTEND_CHUNK)) {
                try (PreparedStatement ps = c.prepareStatement(Sql.leaseExtend(chunk.size()))) {
                    Timestamps.set(ps, 1, params.leaseExpiresAt());
                    ps.setLong(2, params.runId());
                    int p = 3;
                    for (JobAttempt job : chunk) {
                        ps.setLong(p++, job.id());
                        ps.setInt(p++, job.attempt());
                    }
                    extended += ps.executeUpdate();
                }
            }
            return extended;
        });
    }
}
