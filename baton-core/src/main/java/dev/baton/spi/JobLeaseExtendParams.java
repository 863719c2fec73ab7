package dev.baton.spi;

import java.time.Instant;
import java.util.List;

/**
 * Extends, in one statement, the leases of the runs this process is running: each listed attempt that is
 * still running under {@code runId}. A run abandoned here (a handler stuck past its timeout) is left out
 * and lapses; so do the jobs of an earlier process that used the same node id.
 */
public record JobLeaseExtendParams(long runId, List<JobAttempt> jobs, Instant leaseExpiresAt) {

    public JobLeaseExtendParams {
        jobs = List.copyOf(jobs);
        java.util.Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
    }
}
