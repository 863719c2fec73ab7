package dev.baton.internal;

import dev.baton.RunOutcome;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobParkParams;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobStore;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes outcomes to the store: completions in batches ({@link CompletionBatcher}), the rarer outcomes
 * one by one. An outcome that cannot be written (database down) is kept and tried again by maintenance;
 * meanwhile its job stays leased to this node, so it is neither lost nor run a second time while this
 * node lives.
 */
final class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final JobStore store;
    private final boolean deleteCompleted;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final RunStats stats;
    private final CompletionBatcher completions;
    private volatile boolean batching;

    OutcomeRecorder(JobStore store, boolean deleteCompleted, RunStats stats) {
        this.store = store;
        this.deleteCompleted = deleteCompleted;
        this.stats = stats;
        this.completions = new CompletionBatcher(store, deleteCompleted, OutcomeRecorder::finish,
                batch -> batch.forEach(c -> pending.add(new Pending(c.run(), new Outcome.Completed(c.finishedAt(), false)))));
    }

    /** Starts batching completions; until then, and after {@link #stop}, each is written on its own. */
    void start() {
        completions.start();
        batching = true;
    }

    /** Writes the completions still queued, then stops batching. */
    void stop(long millis) throws InterruptedException {
        batching = false;
        completions.stop(millis);
    }

    private static RunOutcome counted(Outcome outcome) {
        if (outcome instanceof Outcome.Completed c) {
            return c.noop() ? RunOutcome.RETIRED : RunOutcome.COMPLETED;
        }
        if (outcome instanceof Outcome.CompletedInTransaction t) {
            return t.held() ? RunOutcome.COMPLETED : null; // rolled back: the run that holds the job counts it
        }
        if (outcome instanceof Outcome.Retry) {
            return RunOutcome.RETRIED;
        }
        return outcome instanceof Outcome.Parked ? RunOutcome.INCOMPATIBLE : RunOutcome.DEAD;
    }

    /**
     * Writes now, or keeps the outcome for later; the run's {@code done} runs once it is written. Never
     * throws: it runs on worker threads that must survive anything.
     */
    void record(ActiveRun run, Outcome outcome) {
        try {
            RunOutcome counted = counted(outcome);
            if (counted != null) {
                stats.count(run.job().type(), run.job().version(), counted);
            }
        } catch (RuntimeException e) {
            log.warn("counting the outcome of {} failed: {}", run, e.toString());
        }
        if (batching && outcome instanceof Outcome.Completed c) {
            completions.add(new CompletionBatcher.Completion(run, c.finishedAt()));
            return;
        }
        if (write(run.job(), outcome)) {
            finish(run);
        } else {
            pending.add(new Pending(run, outcome));
        }
    }

    private static void finish(ActiveRun run) {
        try {
            run.done().accept(run);
        } catch (RuntimeException e) {
            log.warn("freeing the slot of {} failed: {}", run, e.toString());
        }
    }

    /** Called from maintenance: tries every kept outcome once more. */
    void retryPending() {
        int size = pending.size();
        for (int i = 0; i < size; i++) {
            Pending next = pending.poll();
            if (next == null) {
                return;
            }
            if (write(next.run.job(), next.outcome)) {
                finish(next.run);
            } else {
                pending.add(next);
            }
        }
    }

    int pendingCount() {
        return pending.size() + completions.queued();
    }

    private boolean write(ClaimedJob job, Outcome outcome) {
        try {
            boolean held;
            if (outcome instanceof Outcome.CompletedInTransaction t) {
                held = t.held();
            } else if (outcome instanceof Outcome.Completed c) {
                held = store.jobComplete(new JobCompleteParams(job.id(), job.attempt(), c.finishedAt(), deleteCompleted));
            } else if (outcome instanceof Outcome.Parked p) {
                held = store.jobPark(new JobParkParams(job.id(), job.attempt(), p.runAt(), p.reason()));
            } else if (outcome instanceof Outcome.Retry r) {
                held = store.jobRetry(new JobRetryParams(job.id(), job.attempt(), r.runAt(), r.error(), r.now()));
            } else {
                Outcome.Dead d = (Outcome.Dead) outcome;
                held = store.jobDead(new JobDeadParams(job.id(), job.attempt(), d.error(), d.finishedAt()));
            }
            if (!held) {
                log.warn("{} #{} attempt {}: outcome not recorded because the job is no longer held by this run "
                        + "(its lease lapsed and it was rescued); the newer run decides", job.type(), job.id(), job.attempt());
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("{} #{} attempt {}: could not record outcome, will retry shortly: {}",
                    job.type(), job.id(), job.attempt(), e.toString());
            return false;
        }
    }

    private record Pending(ActiveRun run, Outcome outcome) {}
}
