package dev.baton.spi;

import java.time.Instant;

/**
 * Records a failed run that ends the job: state dead, kept for inspection with its last error. Applies
 * only while the job is running under this attempt.
 */
public record JobDeadParams(long id, int attempt, String error, Instant finishedAt) {}
