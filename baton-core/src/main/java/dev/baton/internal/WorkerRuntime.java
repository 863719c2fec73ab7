package dev.baton.internal;

import dev.baton.spi.JobLeaseExtendParams;
import dev.baton.spi.JobReleaseParams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running part of a node: one {@link QueueWorker} per queue, a heartbeat that keeps this node's
 * leases alive, {@link Maintenance}, and the store's push wake-ups.
 */
public final class WorkerRuntime {

    private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

    private final NodeConfig config;
    private final Map<String, QueueWorker> workers = new LinkedHashMap<>();
    private final OutcomeRecorder recorder;
    private final ScheduledExecutorService scheduler;
    private final Maintenance maintenance;
    private final FleetMembership membership;
    private final StrandedRewriter rewriter;
    private AutoCloseable listening;

    public WorkerRuntime(NodeConfig config, PayloadCodec codec, NodeTypes types, RunStats stats, FleetView fleet) {
        this.config = config;
        this.rewriter = new StrandedRewriter(config, codec, fleet);
        this.recorder = new OutcomeRecorder(config.store(), config.completedRetention().isZero(), stats);
        this.membership = new FleetMembership(config, types.types());
        this.scheduler = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "baton-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.maintenance = new Maintenance(config);
        JobRunner runner = new JobRunner(config, codec, recorder, scheduler);
        config.queues().forEach((queue, concurrency) ->
                workers.put(queue, new QueueWorker(queue, concurrency, config, types.targetsOf(queue), runner)));
    }

    public void start() {
        membership.join();
        workers.values().forEach(QueueWorker::start);
        long heartbeat = config.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        long rescue = config.rescueInterval().toMillis();
        scheduler.scheduleWithFixedDelay(maintenance::rescue, rescue, rescue, TimeUnit.MILLISECONDS);
        if (rewriter.hasWork()) {
            scheduler.scheduleWithFixedDelay(rewriter::run, rescue, rescue, TimeUnit.MILLISECONDS);
        }
        long prune = config.pruneInterval().toMillis();
        scheduler.scheduleWithFixedDelay(maintenance::prune, prune, prune, TimeUnit.MILLISECONDS);
        if (!workers.isEmpty()) {
            listening = config.store().listener().map(listener -> listener.listen(this::wake)).orElse(null);
            if (listening == null) {
                log.info("store {} has no push wake-ups: workers poll every {}", config.store().name(), config.pollInterval());
            }
        }
    }

    /** A hint that jobs arrived on a queue; ignored for queues this node does not serve. */
    public void wake(String queue) {
        QueueWorker worker = workers.get(queue);
        if (worker != null) {
            worker.wake();
        }
    }

    public int activeCount() {
        return workers.values().stream().mapToInt(QueueWorker::activeCount).sum();
    }

    private void heartbeat() {
        try {
            membership.heartbeat();
            recorder.retryPending();
            if (activeCount() > 0) {
                Instant now = config.clock().instant();
                config.store().jobLeaseExtend(new JobLeaseExtendParams(config.nodeId(), now.plus(config.leaseDuration())));
            }
        } catch (RuntimeException e) {
            log.warn("heartbeat failed; leases of running jobs lapse after {} unless a later heartbeat succeeds: {}",
                    config.leaseDuration(), e.toString());
        }
    }

    /**
     * Stops claiming, lets running jobs finish until the deadline, then cancels the rest and hands their
     * jobs back to the store at once, uncounted, for another node to take.
     *
     * @return true when every running job finished before the deadline
     */
    public boolean shutdown(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        boolean clean = true;
        try {
            for (QueueWorker worker : workers.values()) {
                worker.stopFetching(remaining(end));
            }
            closeListener();
            for (QueueWorker worker : workers.values()) {
                clean &= worker.awaitIdle(remaining(end));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        }
        List<JobReleaseParams.JobAttempt> released = new ArrayList<>();
        for (QueueWorker worker : workers.values()) {
            worker.abandonUnsettled().forEach(run -> released.add(run.attemptRef()));
            worker.stopNow();
        }
        if (!released.isEmpty()) {
            releaseToStore(released);
        }
        recorder.retryPending();
        if (recorder.pendingCount() > 0) {
            log.warn("{} job outcomes could not be recorded before shutdown; those jobs run again after their lease lapses",
                    recorder.pendingCount());
        }
        scheduler.shutdownNow();
        try {
            membership.leave();
            // Without this node, the fleet may no longer read jobs it would have taken: leave them readable.
            rewriter.run();
        } catch (RuntimeException e) {
            log.warn("could not remove node {} from the fleet table; it drops out when its heartbeat ages past {}: {}",
                    config.nodeId(), config.nodeTtl(), e.toString());
        }
        return clean;
    }

    private void releaseToStore(List<JobReleaseParams.JobAttempt> released) {
        try {
            int count = config.store().jobRelease(new JobReleaseParams(released, config.clock().instant()));
            log.info("shutdown: released {} unfinished jobs for other nodes", count);
        } catch (RuntimeException e) {
            log.warn("shutdown: could not release {} unfinished jobs; they come back when their lease lapses ({}): {}",
                    released.size(), config.leaseDuration(), e.toString());
        }
    }

    private void closeListener() {
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                log.debug("closing the store listener failed", e);
            }
        }
    }

    private static Duration remaining(long endNanos) {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }
}
