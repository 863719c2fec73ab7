package dev.baton;

import java.time.Instant;

/** What a handler may want to know about the job it runs. */
public interface JobContext {

    long id();

    /** The job type name, as stored. */
    String type();

    /** The payload version as stored, before any reading adjustments. */
    int version();

    String queue();

    /** 1 on the first run, 2 on the first retry, and so on. */
    int attempt();

    int maxAttempts();

    Instant createdAt();

    /** The release label of the node that enqueued the job, or {@code null} when it was not known. */
    String enqueuedBy();

    /**
     * True once the job's timeout has passed or the node is shutting down past its deadline. Long
     * handlers should check it (or react to the thread's interrupt) and stop early.
     */
    boolean isCancelled();
}
