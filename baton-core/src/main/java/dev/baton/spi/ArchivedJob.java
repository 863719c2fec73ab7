package dev.baton.spi;

import java.time.Instant;

/** A purged job as kept in the archive, enough to enqueue it again. */
public record ArchivedJob(long id, String type, int version, String queue, String payload, int priority,
        int maxAttempts, Instant createdAt, String release, Instant archivedAt) {}
