package dev.baton.spi;

import java.time.Instant;

/**
 * Records a failed run and makes the job claimable again at {@code runAt}, in state retrying. Applies
 * only while the job is running under this attempt.
 *
 * @param error the failure, message and stack trace, kept as the job's last error
 */
public record JobRetryParams(long id, int attempt, Instant runAt, String error, Instant now) {}
