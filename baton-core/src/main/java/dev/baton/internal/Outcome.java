package dev.baton.internal;

import java.time.Instant;

/** What a run decided for its job; written to the store by {@link OutcomeRecorder}. */
sealed interface Outcome {

    /** @param noop true when a retired type's no-op reader completed it */
    record Completed(Instant finishedAt, boolean noop) implements Outcome {}

    record Retry(Instant runAt, String error, Instant now) implements Outcome {}

    record Dead(String error, Instant finishedAt) implements Outcome {}

    /**
     * A transactional handler's completion, already committed with its work ({@code held}), or rolled back
     * because another run holds the job now: nothing is left to write.
     */
    record CompletedInTransaction(boolean held) implements Outcome {}

    /** The payload could not be read here: hand the job back unattempted, due at {@code runAt}. */
    record Parked(Instant runAt, String reason) implements Outcome {}
}
