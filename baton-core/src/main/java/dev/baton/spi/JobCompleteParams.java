package dev.baton.spi;

import java.time.Instant;

/**
 * Marks a run as succeeded. Applies only while the job is still running under this attempt, so a run
 * whose lease lapsed and was taken over cannot overwrite the newer run's outcome.
 *
 * @param delete true to delete the row instead of keeping it as {@code completed}
 */
public record JobCompleteParams(long id, int attempt, Instant finishedAt, boolean delete) {}
