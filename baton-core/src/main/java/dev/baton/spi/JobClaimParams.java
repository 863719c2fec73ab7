package dev.baton.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Claims up to {@code limit} due jobs of one queue in one statement: marks them running, counts the
 * attempt and leases them to {@code owner} until {@code leaseExpiresAt}. Jobs locked by another claimer
 * are skipped, never waited for. Order: priority (highest first), then run time, then id. The attempt
 * count never overflows, whatever is stored: a job already at or past its maximum is claimed with an
 * attempt above it, and the runner records it as dead without running it.
 *
 * @param queue the queue to claim from
 * @param readable only jobs whose (type, version) falls in one of these ranges are claimed
 * @param limit at most this many jobs
 * @param owner the claiming node's id, recorded as the lease owner
 * @param runId the claiming run (see {@link NodePresence}), recorded with the lease
 * @param now jobs with a run time at or before this are due
 * @param leaseExpiresAt when the lease lapses unless extended
 */
public record JobClaimParams(
        String queue, List<ReadableRange> readable, int limit, String owner, long runId, Instant now,
        Instant leaseExpiresAt) {

    public JobClaimParams {
        Objects.requireNonNull(queue, "queue");
        readable = List.copyOf(readable);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
