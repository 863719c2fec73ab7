package dev.baton.internal;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobClaimParams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one queue: a fetcher thread claims batches sized to free capacity and hands each job to a
 * pool of {@code concurrency} threads. The fetcher sleeps until woken (a notify from the store, a local
 * enqueue, a finished job) or until the poll interval passes, whichever is first.
 */
final class QueueWorker {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);
    private static final Duration MAX_ERROR_WAIT = Duration.ofSeconds(30);

    private final String queue;
    private final int concurrency;
    private final NodeConfig config;
    private final List<ClaimTarget> targets;
    private final JobRunner runner;
    private final ThreadPoolExecutor executor;
    private final Map<Long, ActiveRun> active = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final Thread fetcher;
    private boolean woken; // guarded by signal
    private volatile boolean fetching = true;

    /** @param targets its own queue first, then older queues its types may still have jobs on */
    QueueWorker(String queue, int concurrency, NodeConfig config, List<ClaimTarget> targets, JobRunner runner) {
        this.queue = queue;
        this.concurrency = concurrency;
        this.config = config;
        this.targets = List.copyOf(targets);
        this.runner = runner;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "baton-" + queue + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
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

    Collection<ActiveRun> activeRuns() {
        return active.values();
    }

    /** Stops claiming; jobs already claimed keep running. Waits for a claim in progress to return. */
    void stopFetching(Duration wait) throws InterruptedException {
        fetching = false;
        wake();
        fetcher.join(Math.max(1, wait.toMillis()));
    }

    /** Lets queued and running jobs finish; @return true when all did within the deadline */
    boolean awaitIdle(Duration wait) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Interrupts whatever still runs. Runs that never started are dropped: shutdown released their jobs. */
    void stopNow() {
        executor.shutdownNow();
    }

    private void fetchLoop() {
        int failures = 0;
        while (fetching) {
            int free = concurrency - active.size();
            if (free <= 0) {
                await(config.pollInterval());
                continue;
            }
            boolean full;
            try {
                full = claimRound(free);
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                Duration wait = backoff(failures);
                log.warn("queue {}: claiming failed ({} in a row), next try in {}: {}", queue, failures, wait, e.toString());
                await(wait);
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
            Instant now = config.clock().instant();
            List<ClaimedJob> claimed = config.store().jobClaim(new JobClaimParams(target.queue(), target.readable(), left,
                    config.nodeId(), now, now.plus(config.leaseDuration())));
            for (ClaimedJob job : claimed) {
                ActiveRun run = new ActiveRun(job);
                active.put(job.id(), run);
                executor.execute(() -> runner.run(run, this::finished));
            }
            left -= claimed.size();
        }
        return left <= 0;
    }

    private void finished(ActiveRun run) {
        active.remove(run.id());
        wake();
    }

    /** Runs the shutdown path decided for runs that will not finish here: forget them. */
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
}
