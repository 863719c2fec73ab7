package dev.baton.internal;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobAttempt;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobReleaseParams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one queue: a fetcher thread claims ahead of the running jobs as many as finish during one claim's
 * round trip ({@link Lookahead}), so that a slot freed by a finished handler starts its next job at once. Concurrency is counted in execution slots, not threads: a thread that finishes a job takes
 * the next claimed one, and a run abandoned with its thread stuck in a handler frees its slot for a new
 * thread. The fetcher sleeps until woken (a notify from the store, a local enqueue, a finished job) or
 * until the poll interval passes, whichever is first; after a failed claim it waits out its back-off
 * whatever wakes it.
 */
final class QueueWorker {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);
    private static final Duration MAX_ERROR_WAIT = Duration.ofSeconds(30);

    private final String queue;
    private final int concurrency;
    private final NodeConfig config;
    private final List<ClaimTarget> targets;
    private final JobRunner runner;
    private final LongSupplier runId;
    private final BooleanSupplier present;
    private final Supplier<Set<String>> handledElsewhere;
    private final ExecutorService executor;
    /** Every run claimed here and not yet written: running, waiting for a slot, or waiting for its write. */
    private final Map<Long, ActiveRun> active = new ConcurrentHashMap<>();
    /** Claimed runs waiting for an execution slot, in claim order. Guarded by itself. */
    private final java.util.ArrayDeque<ActiveRun> ready = new java.util.ArrayDeque<>();
    private int executing; // guarded by ready
    private final Lookahead lookahead;
    private final Object signal = new Object();
    private final Thread fetcher;
    private boolean woken; // guarded by signal
    private volatile boolean fetching = true;

    /** @param targets its own queue first, then older queues its types may still have jobs on */
    /**
     * @param runId the run every claim is made by
     * @param present whether the run's presence holds: while it does not, nothing is claimed
     * @param handledElsewhere the stored type names some live node runs with a real handler: this node's
     *     no-op reader leaves their jobs to it
     */
    QueueWorker(String queue, int concurrency, NodeConfig config, List<ClaimTarget> targets, JobRunner runner,
            LongSupplier runId, BooleanSupplier present, Supplier<Set<String>> handledElsewhere) {
        this.queue = queue;
        this.concurrency = concurrency;
        this.config = config;
        this.targets = List.copyOf(targets);
        this.runner = runner;
        this.runId = runId;
        this.present = present;
        this.handledElsewhere = handledElsewhere;
        AtomicInteger threads = new AtomicInteger();
        // Unbounded on purpose: the slots bound the jobs; threads only outnumber them while abandoned
        // handlers are still stuck, and idle threads end after a minute.
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "baton-" + queue + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.lookahead = new Lookahead(concurrency);
        this.fetcher = new Thread(this::fetchLoop, "baton-fetch-" + queue);
        this.fetcher.setDaemon(true);
    }

    String queue() {
        return queue;
    }

    void start() {
        fetcher.start();
    }

    /** Makes the fetcher look for jobs now instead of at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    int activeCount() {
        return active.size();
    }

    /** The runs whose leases this node keeps: claimed here, not finished, not abandoned. */
    Collection<ActiveRun> activeRuns() {
        return active.values();
    }

    /**
     * Stops claiming and starting; jobs already running keep running, and those claimed ahead that never
     * started go back to the store, uncounted. Waits for a claim in progress to return.
     */
    void stopFetching(Duration wait) throws InterruptedException {
        fetching = false;
        wake();
        fetcher.join(Math.max(1, wait.toMillis()));
        releaseUnstarted();
    }

    /** Lets running jobs finish; @return true when all did within the deadline */
    boolean awaitIdle(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        synchronized (signal) {
            while (!active.isEmpty()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return true;
    }

    /** Interrupts whatever still runs. Runs that never started are dropped: shutdown released their jobs. */
    void stopNow() {
        executor.shutdownNow();
    }

    private void fetchLoop() {
        int failures = 0;
        while (fetching) {
            int free = concurrency + lookahead.jobs() - active.size();
            if (free <= 0 || !present.getAsBoolean()) {
                await(config.pollInterval());
                continue;
            }
            boolean full;
            try {
                full = claimRound(free);
                failures = 0;
            } catch (Throwable e) {
                // An Error too: a fetcher that dies silently ends service of the queue for good.
                failures++;
                Duration wait = backoff(failures);
                log.warn("queue {}: claiming failed ({} in a row), next try in {}: {}", queue, failures, wait,
                        ErrorText.summary(e));
                sleepOut(wait);
                continue;
            }
            if (!full) {
                await(config.pollInterval());
            }
        }
    }

    /** Claims from each target in turn while capacity is left; @return true when capacity ran out (claim again) */
    private boolean claimRound(int free) {
        int left = free;
        for (ClaimTarget target : targets) {
            if (left <= 0) {
                return true;
            }
            List<dev.baton.spi.ReadableRange> readable = target.readableNow(
                    target.retired().isEmpty() ? Set.of() : handledElsewhere.get());
            if (readable.isEmpty()) {
                continue;
            }
            Instant now = config.clock().instant();
            long began = System.nanoTime();
            List<ClaimedJob> claimed = config.store().jobClaim(new JobClaimParams(target.queue(), readable, left,
                    config.nodeId(), runId.getAsLong(), now, now.plus(config.leaseDuration())));
            lookahead.claimTook(System.nanoTime() - began);
            start(claimed);
            left -= claimed.size();
        }
        return left <= 0;
    }

    /**
     * Every claimed job is in {@link #active} before any starts, so that shutdown releases all of them
     * even when it stops the executor midway through a batch.
     */
    private void start(List<ClaimedJob> claimed) {
        synchronized (ready) {
            for (ClaimedJob job : claimed) {
                ActiveRun run = new ActiveRun(job, this::finished);
                active.put(job.id(), run);
                ready.add(run);
            }
        }
        dispatch();
        if (!fetching) {
            releaseUnstarted();
        }
    }

    /** Starts waiting runs on new threads while execution slots are free. */
    private void dispatch() {
        synchronized (ready) {
            while (fetching && executing < concurrency && !ready.isEmpty()) {
                ActiveRun run = ready.poll();
                executing++;
                try {
                    executor.execute(() -> runFrom(run));
                } catch (RejectedExecutionException e) {
                    executing--;
                    ready.addFirst(run); // shutting down: released with the rest
                    return;
                }
            }
        }
    }

    /** Runs {@code first}, then, while the queue has claimed runs waiting, the next on the same thread. */
    private void runFrom(ActiveRun first) {
        ActiveRun run = first;
        while (run != null) {
            long began = System.nanoTime();
            try {
                runner.run(run);
            } finally {
                lookahead.runTook(System.nanoTime() - began);
                run = handlerReturned(run);
            }
        }
    }

    /** @return the next run for this thread's slot, or null when the thread should end */
    private ActiveRun handlerReturned(ActiveRun run) {
        synchronized (ready) {
            if (!run.freeSlot()) {
                return null; // its slot went when its outcome was written (abandoned): this thread is spare
            }
            ActiveRun next = fetching ? ready.poll() : null;
            if (next == null) {
                executing--;
            }
            return next;
        }
    }

    /**
     * A claim that returned after shutdown began (it ran past the shutdown's wait): hand back what never
     * started, uncounted, rather than leave it to a lapsing lease.
     */
    private void releaseUnstarted() {
        List<ActiveRun> unstarted = new ArrayList<>();
        for (ActiveRun run : active.values()) {
            if (run.settleUnstarted()) {
                unstarted.add(run);
            }
        }
        if (unstarted.isEmpty()) {
            return;
        }
        unstarted.forEach(run -> active.remove(run.id()));
        List<JobAttempt> attempts = unstarted.stream().map(ActiveRun::attemptRef).toList();
        try {
            config.store().jobRelease(new JobReleaseParams(attempts, config.clock().instant()));
        } catch (RuntimeException e) {
            log.warn("queue {}: could not release {} jobs claimed during shutdown; they come back when their run is"
                    + " seen gone: {}", queue, attempts.size(), e.toString());
        }
    }

    private void finished(ActiveRun run) {
        active.remove(run.id());
        boolean freed;
        synchronized (ready) {
            freed = run.freeSlot();
            if (freed) {
                executing--;
            }
        }
        if (freed) {
            dispatch();
        }
        wake();
    }

    /** Settles every run not settled yet, for shutdown to release: forget them here. */
    List<ActiveRun> abandonUnsettled() {
        List<ActiveRun> abandoned = new ArrayList<>();
        for (ActiveRun run : active.values()) {
            if (run.settle()) {
                abandoned.add(run);
                run.cancel();
            }
        }
        abandoned.forEach(run -> active.remove(run.id()));
        return abandoned;
    }

    private Duration backoff(int failures) {
        long millis = config.pollInterval().toMillis() << Math.min(failures, 10);
        return Duration.ofMillis(Math.min(millis, MAX_ERROR_WAIT.toMillis()));
    }

    /** Waits for a wake-up or the timeout, whichever is first. */
    private void await(Duration timeout) {
        synchronized (signal) {
            if (!woken && fetching) {
                try {
                    signal.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fetching = false;
                }
            }
            woken = false;
        }
    }

    /** Waits the whole of {@code wait}: wake-ups do not cut a back-off short; only shutdown does. */
    private void sleepOut(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        synchronized (signal) {
            long left;
            while (fetching && (left = end - System.nanoTime()) > 0) {
                try {
                    signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fetching = false;
                }
            }
            woken = false;
        }
    }
}
