package dev.baton.spi;

import java.time.Instant;

/** A stored job as a whole, for inspection (CLI, dashboard, tests). Nullable fields say when. */
public record JobRecord(
        long id,
        String type,
        int version,
        String queue,
        JobState state,
        String payload,
        int priority,
        int attempt,
        int maxAttempts,
        Instant createdAt,
        Instant runAt,
        /* null until first claimed */ Instant attemptedAt,
        /* null until completed or dead */ Instant finishedAt,
        /* null unless running */ String leaseOwner,
        /* null unless running */ Instant leaseExpiresAt,
        /* null unless given at enqueue */ String uniqueKey,
        /* null when unknown */ String release,
        /* null until a run failed */ String lastError) {}
