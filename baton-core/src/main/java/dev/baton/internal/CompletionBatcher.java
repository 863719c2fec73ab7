package dev.baton.internal;

import dev.baton.spi.JobAttempt;
import dev.baton.spi.JobCompleteAllParams;
import dev.baton.spi.JobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes completions in batches: one fenced statement per flush instead of a transaction per job, the
 * cost that bounds a drain. A flush takes whatever completed while the one before it was being written,
 * up to {@link #MAX_BATCH}, so under load batches grow by themselves and an idle node adds no wait: a
 * lone completion is written at once. A run's slot is freed only once its completion is written, so
 * its lease is kept meanwhile, and a crash before the flush reruns the job, as a crash before any
 * completion does.
 */
final class CompletionBatcher {

    private static final Logger log = LoggerFactory.getLogger(CompletionBatcher.class);
    static final int MAX_BATCH = 500;

    /** A completed run waiting to be written. */
    record Completion(ActiveRun run, Instant finishedAt) {}

    private final JobStore store;
    private final boolean delete;
    private final Consumer<ActiveRun> written;
    private final Consumer<List<Completion>> failed;
    private final BlockingQueue<Completion> queue = new LinkedBlockingQueue<>();
    private final Thread flusher;
    private volatile boolean running = true;

    /**
     * @param written told of each run whose completion is in the store (or that had lost its job)
     * @param failed given a batch the store refused, to be written again later
     */
    CompletionBatcher(JobStore store, boolean delete, Consumer<ActiveRun> written, Consumer<List<Completion>> failed) {
        this.store = store;
        this.delete = delete;
        this.written = written;
        this.failed = failed;
        this.flusher = new Thread(this::flushLoop, "baton-complete");
        this.flusher.setDaemon(true);
    }

    void start() {
        flusher.start();
    }

    void add(Completion completion) {
        queue.add(completion);
    }

    int queued() {
        return queue.size();
    }

    /** Stops the flusher once it has written what is queued, waiting at most {@code millis}. */
    void stop(long millis) throws InterruptedException {
        running = false;
        flusher.join(Math.max(1, millis));
        flushAll(); // a flusher that never started, or did not finish in time
    }

    private void flushLoop() {
        while (running || !queue.isEmpty()) {
            try {
                Completion first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Completion> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    flush(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // The flusher must outlive anything: without it no job on this node could complete.
                log.warn("writing completions failed, will go on: {}", ErrorText.summary(e));
            }
        }
    }

    private void flushAll() {
        List<Completion> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += MAX_BATCH) {
            flush(rest.subList(from, Math.min(rest.size(), from + MAX_BATCH)));
        }
    }

    /** Writes one batch; the batch's newest finish time stands for all, a few milliseconds apart at most. */
    private void flush(List<Completion> batch) {
        List<JobAttempt> attempts = new ArrayList<>(batch.size());
        Instant finishedAt = batch.get(0).finishedAt();
        for (Completion c : batch) {
            attempts.add(c.run().attemptRef());
            if (c.finishedAt().isAfter(finishedAt)) {
                finishedAt = c.finishedAt();
            }
        }
        Set<JobAttempt> held;
        try {
            held = new HashSet<>(store.jobCompleteAll(new JobCompleteAllParams(attempts, finishedAt, delete)).held());
        } catch (RuntimeException e) {
            log.warn("could not record {} completions, will retry shortly: {}", batch.size(), e.toString());
            failed.accept(List.copyOf(batch));
            return;
        }
        for (Completion c : batch) {
            if (!held.contains(c.run().attemptRef())) {
                log.warn("{} #{} attempt {}: completion not recorded because the job is no longer held by this run"
                        + " (its lease lapsed and it was rescued); the newer run decides", c.run().job().type(),
                        c.run().id(), c.run().job().attempt());
            }
            written.accept(c.run());
        }
    }
}
