package dev.baton;

/** What one run of a job ended in, as counted by {@link Baton#stats()}. */
public enum RunOutcome {
    /** The handler returned. */
    COMPLETED,
    /** The handler failed with attempts left; the job runs again after its backoff. */
    RETRIED,
    /** The handler failed on the last attempt. */
    DEAD,
    /**
     * This node could not read the payload (no upcaster reaches it, a required field is missing): the job
     * was handed back unattempted for a release that can read it. Never a failure of the job.
     */
    INCOMPATIBLE,
    /** The type is retired here: the job was completed without running anything. */
    RETIRED,
    /**
     * Not a run: this node rewrote a waiting job of this (type, version), which no live worker read, into
     * a form the live fleet reads (after a rollback). Counted so that every rewrite is visible.
     */
    REWRITTEN
}
