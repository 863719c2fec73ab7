package dev.baton.spi;

import java.time.Instant;

/**
 * A job as handed to a worker by {@link JobStore#jobClaim}. {@code attempt} already counts this run and
 * is the fencing token for every later write about this run.
 */
public record ClaimedJob(
        long id,
        String type,
        int version,
        String queue,
        String payload,
        int priority,
        int attempt,
        int maxAttempts,
        Instant createdAt,
        Instant runAt,
        String release) {}
