package dev.baton.internal;

import dev.baton.spi.JobAttempt;
import dev.baton.spi.JobLeaseExtendParams;
import dev.baton.spi.JobReleaseParams;
import dev.baton.spi.NodePresence;
import dev.baton.spi.PresenceOpenParams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running part of a node: its run's presence in the store, one {@link QueueWorker} per queue, and
 * four threads of upkeep that never wait on each other. The heartbeat (clock sync, presence, fleet row,
 * leases) has a thread of its own, so slow maintenance can never delay it; rescue has its own, so that a
 * dead node's jobs come back within a rescue interval; maintenance (prune, rewrite, outcomes kept while
 * the database was down) and the timeout watchdog take the other two.
 */
public final class WorkerRuntime {

    private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

    private final NodeConfig config;
    private final Map<String, QueueWorker> workers = new LinkedHashMap<>();
    private final OutcomeRecorder recorder;
    private final ScheduledExecutorService heartbeats = timer("baton-heartbeat");
    private final ScheduledExecutorService rescues = timer("baton-rescue");
    private final ScheduledExecutorService upkeep = timer("baton-maintenance");
    private final ScheduledExecutorService watchdog = timer("baton-watchdog");
    private final Maintenance maintenance;
    private final FleetMembership membership;
    private final StrandedRewriter rewriter;
    private volatile NodePresence presence;
    private AutoCloseable listening;

    public WorkerRuntime(NodeConfig config, PayloadCodec codec, NodeTypes types, RunStats stats, FleetView fleet) {
        this.config = config;
        this.rewriter = new StrandedRewriter(config, codec, fleet, stats);
        this.recorder = new OutcomeRecorder(config.store(), config.completedRetention().isZero(), stats);
        this.membership = new FleetMembership(config, types.types());
        this.maintenance = new Maintenance(config);
        JobRunner runner = new JobRunner(config, codec, recorder, watchdog);
        config.queues().forEach((queue, concurrency) -> workers.put(queue,
                new QueueWorker(queue, concurrency, config, types.targetsOf(queue), runner, this::runId, this::present,
                        () -> handledByLiveNodes(fleet))));
    }

    /** Watchdog timers are cancelled as soon as their job ends, and a cancelled timer must cost nothing. */
    static ScheduledExecutorService timer(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    public void start() {
        syncClock();
        // Present before anything is claimed, so that no job is ever held by a run the store cannot see.
        presence = config.store().presenceOpen(new PresenceOpenParams(config.nodeId()));
        if (!presence.tiedToConnection()) {
            log.info("store {} does not tie runs to connections: a crashed node's jobs come back when their lease"
                    + " lapses ({})", config.store().name(), config.leaseDuration());
        }
        membership.join(presence.runId());
        recorder.start();
        workers.values().forEach(QueueWorker::start);
        every(heartbeats, config.heartbeatInterval(), this::heartbeat);
        every(rescues, config.rescueInterval(), this::rescue);
        every(upkeep, config.heartbeatInterval(), recorder::retryPending);
        if (rewriter.hasWork()) {
            every(upkeep, config.heartbeatInterval(), rewriter::run);
        }
        upkeep.schedule(this::prune, config.pruneInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (!workers.isEmpty()) {
            listening = config.store().listener().map(listener -> listener.listen(this::wake)).orElse(null);
            if (listening == null) {
                log.info("store {} has no push wake-ups: workers poll every {}", config.store().name(), config.pollInterval());
            }
        }
    }

    private static void every(ScheduledExecutorService executor, Duration interval, Runnable task) {
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                // A periodic task that throws is never run again: keep it alive whatever happens.
                log.warn("baton upkeep task failed, will run again: {}", ErrorText.summary(e));
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * The stored names some live node has a real handler for. Read through the fleet view's cache, so a
     * claim costs no query; a retired type's no-op reader takes its jobs only when this set lacks it.
     */
    private static Set<String> handledByLiveNodes(FleetView fleet) {
        Set<String> handled = new java.util.HashSet<>();
        for (dev.baton.spi.NodeRecord node : fleet.live()) {
            for (dev.baton.spi.NodeType type : node.types()) {
                if (!type.retired()) {
                    handled.add(type.type());
                    handled.addAll(type.aliases());
                }
            }
        }
        return handled;
    }

    boolean present() {
        NodePresence current = presence;
        return current != null && current.refresh();
    }

    long runId() {
        NodePresence current = presence;
        return current == null ? 0 : current.runId();
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
        syncClock();
        try {
            membership.heartbeat();
        } catch (RuntimeException e) {
            log.warn("heartbeat failed; this node drops out of the fleet after {} unless a later one succeeds: {}",
                    config.nodeTtl(), e.toString());
        }
        List<JobAttempt> running = new ArrayList<>();
        workers.values().forEach(w -> w.activeRuns().forEach(run -> running.add(run.attemptRef())));
        if (running.isEmpty()) {
            return;
        }
        try {
            Instant now = config.clock().instant();
            config.store().jobLeaseExtend(new JobLeaseExtendParams(runId(), running, now.plus(config.leaseDuration())));
        } catch (RuntimeException e) {
            log.warn("extending leases failed; leases of running jobs lapse after {} unless a later heartbeat"
                    + " succeeds: {}", config.leaseDuration(), e.toString());
        }
    }

    private void syncClock() {
        if (config.clock() instanceof StoreClock storeClock) {
            try {
                storeClock.sync();
            } catch (RuntimeException e) {
                log.warn("reading the database clock failed; carrying on from the last reading: {}", e.toString());
            }
        }
    }

    private void rescue() {
        if (maintenance.rescue() > 0) {
            workers.values().forEach(QueueWorker::wake);
        }
    }

    /** Prunes in budgeted ticks: at once again while a backlog is left, else after the prune interval. */
    private void prune() {
        boolean more = false;
        try {
            more = maintenance.prune();
        } catch (Throwable e) {
            log.warn("pruning failed, will try again: {}", ErrorText.summary(e));
        }
        if (!upkeep.isShutdown()) {
            upkeep.schedule(this::prune, more ? 0 : config.pruneInterval().toMillis(), TimeUnit.MILLISECONDS);
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
        List<JobAttempt> released = new ArrayList<>();
        for (QueueWorker worker : workers.values()) {
            worker.abandonUnsettled().forEach(run -> released.add(run.attemptRef()));
            worker.stopNow();
        }
        if (!released.isEmpty()) {
            releaseToStore(released);
        }
        try {
            recorder.stop(remaining(end).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recorder.retryPending();
        if (recorder.pendingCount() > 0) {
            log.warn("{} job outcomes could not be recorded before shutdown; those jobs run again once this run is"
                    + " seen gone", recorder.pendingCount());
        }
        heartbeats.shutdownNow();
        rescues.shutdownNow();
        upkeep.shutdownNow();
        watchdog.shutdownNow();
        try {
            rewriter.runAtShutdown();
            membership.leave();
        } catch (RuntimeException e) {
            log.warn("could not remove node {} from the fleet table; it drops out when its heartbeat ages past {}: {}",
                    config.nodeId(), config.nodeTtl(), e.toString());
        }
        presence.close();
        return clean;
    }

    private void releaseToStore(List<JobAttempt> released) {
        try {
            int count = config.store().jobRelease(new JobReleaseParams(released, config.clock().instant()));
            log.info("shutdown: released {} unfinished jobs for other nodes", count);
        } catch (RuntimeException e) {
            log.warn("shutdown: could not release {} unfinished jobs; they come back once this run is seen gone: {}",
                    released.size(), e.toString());
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
