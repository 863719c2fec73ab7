package dev.baton.spi;

import java.time.Instant;

/** Deletes up to {@code limit} jobs in {@code state} (completed or dead) finished before {@code finishedBefore}. */
public record JobPruneParams(JobState state, Instant finishedBefore, int limit) {

    public JobPruneParams {
        if (!state.isFinal()) {
            throw new IllegalArgumentException("only finished jobs are pruned, not " + state);
        }
    }
}
