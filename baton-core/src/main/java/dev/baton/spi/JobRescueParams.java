package dev.baton.spi;

import java.time.Instant;

/**
 * Rescues running jobs whose run is over without having said so: the lease lapsed before {@code now}, the
 * lease is missing, or (on a store that ties runs to connections) the run's connection is gone. Each goes
 * back to retrying, due at {@code now}, or to dead if it has no attempts left. At most {@code limit} jobs.
 */
public record JobRescueParams(Instant now, int limit) {}
