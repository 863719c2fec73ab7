package dev.baton.internal;

import dev.baton.JobContext;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobReleaseParams;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One claimed job on this node, from claim until its outcome is in the store. Exactly one of the
 * runner (recording an outcome) and shutdown (releasing the job) settles it.
 */
final class ActiveRun implements JobContext {

    private final ClaimedJob job;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean cancelled;
    private volatile boolean timedOut;

    ActiveRun(ClaimedJob job) {
        this.job = job;
    }

    ClaimedJob job() {
        return job;
    }

    JobReleaseParams.JobAttempt attemptRef() {
        return new JobReleaseParams.JobAttempt(job.id(), job.attempt());
    }

    /** @return true for the one caller that gets to decide what happens to the job */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }

    boolean isSettled() {
        return settled.get();
    }

    void startedOn(Thread thread) {
        this.thread = thread;
    }

    void finishedOnThread() {
        this.thread = null;
    }

    /** Asks the handler to stop: sets the flag it can poll and interrupts its thread. */
    void cancel() {
        cancelled = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    void timeOut() {
        timedOut = true;
        cancel();
    }

    boolean timedOut() {
        return timedOut;
    }

    @Override
    public long id() {
        return job.id();
    }

    @Override
    public String type() {
        return job.type();
    }

    @Override
    public int version() {
        return job.version();
    }

    @Override
    public String queue() {
        return job.queue();
    }

    @Override
    public int attempt() {
        return job.attempt();
    }

    @Override
    public int maxAttempts() {
        return job.maxAttempts();
    }

    @Override
    public Instant createdAt() {
        return job.createdAt();
    }

    @Override
    public String enqueuedBy() {
        return job.release();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public String toString() {
        return "job " + job.type() + " v" + job.version() + " #" + job.id() + " (attempt " + job.attempt() + "/"
                + job.maxAttempts() + ")";
    }
}
