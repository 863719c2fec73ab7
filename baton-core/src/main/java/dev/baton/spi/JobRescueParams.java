package dev.baton.spi;

import java.time.Instant;

/**
 * Rescues running jobs whose lease lapsed before {@code now} (their node died or stalled): each goes back
 * to retrying, due at {@code now}, or to dead if it has no attempts left. At most {@code limit} jobs.
 */
public record JobRescueParams(Instant now, int limit) {}
