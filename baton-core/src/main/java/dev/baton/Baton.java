package dev.baton;

import dev.baton.internal.ContractRegistry;
import dev.baton.internal.FleetView;
import dev.baton.internal.Names;
import dev.baton.internal.NodeConfig;
import dev.baton.internal.NodeTypes;
import dev.baton.internal.PayloadCodec;
import dev.baton.internal.Producer;
import dev.baton.internal.RunStats;
import dev.baton.internal.WorkerRuntime;
import dev.baton.spi.ArchiveRestoreParams;
import dev.baton.spi.JobMoveQueueParams;
import dev.baton.spi.JobPurgeParams;
import dev.baton.spi.JobStore;
import java.sql.Connection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Baton node: enqueues jobs and, for the queues it serves, runs them.
 *
 * <pre>{@code
 * Baton baton = Baton.builder()
 *     .store(JdbcStore.embedded(Path.of("baton-data")))
 *     .queue("mailers", 8)
 *     .handle(UserConfirmation.class, (job, ctx) -> users.confirm(job.userId(), job.message()))
 *     .build()
 *     .start();
 * baton.enqueue(new UserConfirmation(42, "Hello!"));
 * }</pre>
 *
 * <p>Every node calls {@link #start()}, producers too: it brings the store's schema up to date. A node
 * with no queues only enqueues. {@link #close()} shuts down gracefully; it does not close the store. A JVM
 * shutdown hook calls it on SIGTERM unless the builder turned it off ({@code shutdownHook(false)}).
 */
public final class Baton implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Baton.class);

    private enum State { BUILT, STARTING, STARTED, STOPPED }

    private final NodeConfig config;
    private final PayloadCodec codec = new PayloadCodec();
    private final FleetView fleet;
    private final Producer producer;
    private final ContractRegistry contracts;
    private final RunStats stats = new RunStats();
    private final AtomicReference<State> state = new AtomicReference<>(State.BUILT);
    private volatile WorkerRuntime runtime;
    private volatile Thread shutdownHook;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private static final long STOP_MARGIN_MILLIS = 10_000;

    Baton(NodeConfig config) {
        this.config = config;
        this.fleet = new FleetView(config.store(), config.clock(), config.nodeTtl(), config.fleetRefresh());
        this.contracts = new ContractRegistry(config);
        this.producer = new Producer(config, codec, fleet, contracts);
    }

    public static BatonBuilder builder() {
        return new BatonBuilder();
    }

    /**
     * Migrates the store's schema and starts the workers of this node's queues.
     *
     * @return this node
     * @throws StoreException when the store cannot be reached or migrated
     */
    public Baton start() {
        if (!state.compareAndSet(State.BUILT, State.STARTING)) {
            throw new LifecycleException("start() was already called on node " + config.nodeId()
                    + "; a stopped node cannot be restarted: build a new one");
        }
        try {
            config.store().migrate();
            contracts.recordKnown(knownClasses());
            // The contract history tells which older queues this node's types may still have jobs on.
            NodeTypes types = new NodeTypes(config, config.store().contractList());
            WorkerRuntime started = new WorkerRuntime(config, codec, types, stats, fleet);
            started.start();
            runtime = started;
            if (config.shutdownHook()) {
                Thread hook = new Thread(this::close, "baton-shutdown-" + config.nodeId());
                Runtime.getRuntime().addShutdownHook(hook);
                shutdownHook = hook;
            }
        } catch (RuntimeException e) {
            state.set(State.BUILT); // nothing runs yet: the caller may fix the store and start again
            throw e;
        }
        state.set(State.STARTED);
        log.info("baton node {} (release {}) started on {}: queues {}, job types {}", config.nodeId(), config.release(),
                config.store().name(), config.queues(), config.registrations().keySet());
        return this;
    }

    /** Enqueues one job, to run as soon as a worker is free. */
    public Enqueued enqueue(Object job) {
        return enqueue(job, EnqueueOptions.defaults());
    }

    public Enqueued enqueue(Object job, EnqueueOptions options) {
        return insert(null, List.of(job), options).get(0);
    }

    /**
     * Enqueues many jobs in as few round trips as the store allows (multi-row inserts).
     *
     * @return one result per job, in order
     */
    public List<Enqueued> enqueueAll(Collection<?> jobs) {
        return insert(null, jobs, EnqueueOptions.defaults());
    }

    public List<Enqueued> enqueueAll(Collection<?> jobs, EnqueueOptions options) {
        return insert(null, jobs, options);
    }

    /**
     * Enqueues inside the caller's transaction: the job exists if and only if the caller commits. The
     * connection is neither committed nor closed here. It must reach the same database as the store.
     */
    public Enqueued enqueue(Connection transaction, Object job) {
        return enqueue(transaction, job, EnqueueOptions.defaults());
    }

    public Enqueued enqueue(Connection transaction, Object job, EnqueueOptions options) {
        return insert(requireConnection(transaction), List.of(job), options).get(0);
    }

    public List<Enqueued> enqueueAll(Connection transaction, Collection<?> jobs) {
        return insert(requireConnection(transaction), jobs, EnqueueOptions.defaults());
    }

    private List<Enqueued> insert(Connection transaction, Collection<?> jobs, EnqueueOptions options) {
        State now = state.get();
        if (now != State.STARTED) {
            throw new LifecycleException(now == State.STOPPED
                    ? "enqueue after close(): node " + config.nodeId() + " is stopped"
                    : "enqueue before start() returned: call start() first; it brings the store's schema up to date "
                            + "and registers this node in the fleet");
        }
        Producer.Produced produced = producer.enqueue(transaction, jobs, options);
        if (transaction == null) {
            // Saves a poll interval on this node; other nodes hear of it from the store (NOTIFY) or poll.
            produced.queues().forEach(runtime::wake);
        }
        return produced.enqueued();
    }

    private static Connection requireConnection(Connection transaction) {
        if (transaction == null) {
            throw new ConfigException("transaction", null,
                    "pass the open connection of your transaction, or call enqueue(job) without one");
        }
        return transaction;
    }

    /** Graceful shutdown within the configured {@code shutdownTimeout}. */
    @Override
    public void close() {
        shutdown(config.shutdownTimeout());
    }

    /**
     * Stops claiming, lets running jobs finish until {@code deadline}, then cancels the rest and releases
     * their jobs at once (not counted as an attempt) so that another node can take them.
     *
     * @return true when every running job finished in time
     */
    public boolean shutdown(Duration deadline) {
        State previous = state.getAndSet(State.STOPPED);
        if (previous == State.BUILT) {
            return true;
        }
        if (previous == State.STOPPED) {
            return awaitStopped(deadline); // a second caller (the shutdown hook, a framework) waits for the first
        }
        try {
            removeShutdownHook();
            boolean clean = runtime == null || runtime.shutdown(deadline);
            log.info("baton node {} stopped{}", config.nodeId(), clean ? "" : " (unfinished jobs were released)");
            return clean;
        } finally {
            stopped.countDown();
        }
    }

    private boolean awaitStopped(Duration deadline) {
        try {
            // The first shutdown may take its whole deadline and then release what is left: allow for that.
            return stopped.await(deadline.toMillis() + STOP_MARGIN_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already: the hook runs, finds the node stopped, and returns.
        }
    }

    /**
     * Archives and removes the waiting, scheduled and retrying jobs of a type, for example a retired
     * type that is drained of everything but a backlog nobody needs. The archive keeps their payloads, so
     * they can be put back with {@link #restoreArchived(String)}.
     *
     * @return how many jobs were archived
     */
    public int purge(String type) {
        requireTypeName(type);
        int purged = config.store().jobPurge(new JobPurgeParams(type, config.clock().instant()));
        log.info("purged {} waiting jobs of type {} into the archive", purged, type);
        return purged;
    }

    /** Puts the archived jobs of a type back as waiting jobs. @return how many */
    public int restoreArchived(String type) {
        requireTypeName(type);
        return config.store().archiveRestore(new ArchiveRestoreParams(type, config.clock().instant()));
    }

    /**
     * Moves waiting, scheduled and retrying jobs from one queue to another in one transaction, for
     * example after a type's queue was renamed and the old queue should be emptied now.
     *
     * @param type only jobs of this type, or {@code null} for all
     * @return how many jobs moved
     */
    public int migrateQueue(String fromQueue, String toQueue, String type) {
        for (String queue : List.of(fromQueue, toQueue)) {
            String problem = Names.checkQueue(queue);
            if (problem != null) {
                throw new ConfigException("migrateQueue", queue, problem);
            }
        }
        if (type != null) {
            requireTypeName(type);
        }
        return config.store().jobMoveQueue(new JobMoveQueueParams(fromQueue, toQueue, type));
    }

    /** Read-only questions about jobs and the fleet: versions, drained, stranded. */
    public BatonInspector inspect() {
        return new BatonInspector(config.store(), config.clock(), config.nodeTtl());
    }

    /** Outcomes of the runs on this node since it started, per type and stored version. */
    public List<RunCount> stats() {
        return stats.snapshot();
    }

    /** Record classes this node knows besides its handled ones: those it has casters for or retired. */
    private List<Class<?>> knownClasses() {
        List<Class<?>> classes = new java.util.ArrayList<>();
        config.evolutions().values().forEach(e -> classes.add(e.info().recordClass()));
        config.retired().values().stream().map(r -> r.recordClass()).filter(java.util.Objects::nonNull)
                .forEach(classes::add);
        return classes;
    }

    private static void requireTypeName(String type) {
        String problem = Names.checkType(type);
        if (problem != null) {
            throw new ConfigException("type", type, problem);
        }
    }

    public JobStore store() {
        return config.store();
    }

    public String nodeId() {
        return config.nodeId();
    }

    public String release() {
        return config.release();
    }

    /** Jobs this node has claimed and not yet finished. */
    public int runningCount() {
        WorkerRuntime current = runtime;
        return current == null ? 0 : current.activeCount();
    }
}
