package dev.baton.internal;

import dev.baton.JobContext;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobAttempt;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One claimed job on this node, from claim until its outcome is in the store. Exactly one of the
 * runner (recording an outcome), the watchdog (abandoning a run stuck past its timeout) and shutdown
 * (releasing the job) settles it.
 */
final class ActiveRun implements JobContext {

    private final ClaimedJob job;
    private final Consumer<ActiveRun> done;
    private static final int CLAIMED = 0;
    private static final int STARTED = 1;
    private static final int SETTLED = 2;

    /** One word for "has it started" and "is it settled", so that the two can never race apart. */
    private final AtomicInteger phase = new AtomicInteger(CLAIMED);
    private volatile Thread thread;
    private volatile boolean cancelled;
    private volatile boolean timedOut;
    private volatile Future<?> watch;
    /** Whether the run still takes one of its queue's execution slots; freed once, by whoever is first. */
    private final java.util.concurrent.atomic.AtomicBoolean slot = new java.util.concurrent.atomic.AtomicBoolean(true);

    /** @param done called once the run's outcome is in the store, to free its slot */
    ActiveRun(ClaimedJob job, Consumer<ActiveRun> done) {
        this.job = job;
        this.done = done;
    }

    Consumer<ActiveRun> done() {
        return done;
    }

    /** The watchdog timer of this run, cancelled when the handler returns. */
    void watch(Future<?> timer) {
        this.watch = timer;
    }

    void unwatch() {
        Future<?> timer = watch;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    ClaimedJob job() {
        return job;
    }

    JobAttempt attemptRef() {
        return new JobAttempt(job.id(), job.attempt());
    }

    /** @return true when the run may start: nothing settled it before (shutdown releasing it) */
    boolean begin() {
        return phase.compareAndSet(CLAIMED, STARTED);
    }

    /** @return true for the one caller that gets to decide what happens to the job */
    boolean settle() {
        int now;
        while ((now = phase.get()) != SETTLED) {
            if (phase.compareAndSet(now, SETTLED)) {
                return true;
            }
        }
        return false;
    }

    /** Settles the run only if it never started: @return true when it did, and the job can go back uncounted */
    boolean settleUnstarted() {
        return phase.compareAndSet(CLAIMED, SETTLED);
    }

    /**
     * @return true for the one caller that frees the run's execution slot: its handler returning, or its
     *     outcome written first (a run abandoned with its thread stuck)
     */
    boolean freeSlot() {
        return slot.compareAndSet(true, false);
    }

    boolean isSettled() {
        return phase.get() == SETTLED;
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
