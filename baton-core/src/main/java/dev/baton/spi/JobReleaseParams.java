package dev.baton.spi;

import java.time.Instant;
import java.util.List;

/**
 * Hands running jobs back without counting the run as an attempt: they become waiting, due at
 * {@code now}, unleased. Used at shutdown for jobs that were claimed but not finished, so that another
 * node can take them at once instead of after their lease lapses.
 */
public record JobReleaseParams(List<JobAttempt> jobs, Instant now) {

    public JobReleaseParams {
        jobs = List.copyOf(jobs);
    }
}
