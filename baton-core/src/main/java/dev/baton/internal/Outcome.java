package dev.baton.internal;

import java.time.Instant;

/** What a run decided for its job; written to the store by {@link OutcomeRecorder}. */
sealed interface Outcome {

    record Completed(Instant finishedAt) implements Outcome {}

    record Retry(Instant runAt, String error, Instant now) implements Outcome {}

    record Dead(String error, Instant finishedAt) implements Outcome {}
}
