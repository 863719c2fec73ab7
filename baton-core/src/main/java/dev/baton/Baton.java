package dev.baton;

import dev.baton.internal.NodeConfig;
import dev.baton.internal.PayloadCodec;
import dev.baton.internal.Producer;
import dev.baton.internal.WorkerRuntime;
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
 * with no queues only enqueues. {@link #close()} shuts down gracefully; it does not close the store.
 */
public final class Baton implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Baton.class);

    private enum State { BUILT, STARTED, STOPPED }

    private final NodeConfig config;
    private final Producer producer;
    private final WorkerRuntime runtime;
    private final AtomicReference<State> state = new AtomicReference<>(State.BUILT);

    Baton(NodeConfig config) {
        this.config = config;
        PayloadCodec codec = new PayloadCodec();
        this.producer = new Producer(config, codec);
        this.runtime = new WorkerRuntime(config, codec);
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
        if (!state.compareAndSet(State.BUILT, State.STARTED)) {
            throw new LifecycleException("start() was already called on node " + config.nodeId()
                    + "; a stopped node cannot be restarted: build a new one");
        }
        config.store().migrate();
        runtime.start();
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
        if (state.get() != State.STARTED) {
            throw new LifecycleException(state.get() == State.BUILT
                    ? "enqueue before start(): call start() first; it brings the store's schema up to date"
                    : "enqueue after close(): node " + config.nodeId() + " is stopped");
        }
        List<Enqueued> enqueued = producer.enqueue(transaction, jobs, options);
        if (transaction == null) {
            // Saves a poll interval on this node; other nodes hear of it from the store (NOTIFY) or poll.
            producer.queuesOf(jobs).forEach(runtime::wake);
        }
        return enqueued;
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
        if (previous != State.STARTED) {
            return true;
        }
        boolean clean = runtime.shutdown(deadline);
        log.info("baton node {} stopped{}", config.nodeId(), clean ? "" : " (unfinished jobs were released)");
        return clean;
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
        return runtime.activeCount();
    }
}
