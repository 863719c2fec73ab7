package dev.baton.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Marks many runs as succeeded at once: one statement for a whole batch of finished jobs, instead of a
 * transaction each. Each run is fenced on its own, as {@link JobCompleteParams} is: a run whose job is no
 * longer running under its attempt changes nothing, and the others still complete.
 *
 * @param attempts the runs to complete, at least one, each job once
 * @param delete true to delete the rows instead of keeping them as {@code completed}
 */
public record JobCompleteAllParams(List<JobAttempt> attempts, Instant finishedAt, boolean delete) {

    public JobCompleteAllParams {
        attempts = List.copyOf(attempts);
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("no attempts to complete");
        }
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /**
     * What a batch completion wrote.
     *
     * @param held the runs that still held their job, and so completed it; the rest had lost it
     */
    public record Result(List<JobAttempt> held) {

        public Result {
            held = List.copyOf(held);
        }
    }
}
