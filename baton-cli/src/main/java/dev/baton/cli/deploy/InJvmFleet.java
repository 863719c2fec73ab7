package dev.baton.cli.deploy;

import dev.baton.Baton;
import dev.baton.NoCapableWorkerException;
import dev.baton.jdbc.JdbcStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Every node a {@code ShopRelease.start(...)} in this JVM, each with its own connection pool on one
 * embedded H2 database; web nodes enqueue from a thread of their own at a steady pace.
 */
public final class InJvmFleet implements Fleet {

    private final Map<String, ShopRelease> releases;
    private final Path database;
    private final boolean protect;
    private final FleetSettings settings;
    private final Consumer<String> warnings;
    private final JdbcStore store;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Nodes cut off by {@link #kill}: their threads live on without a store until the fleet closes. */
    private final List<Node> killed = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedEnqueues = new AtomicLong();
    private volatile boolean traffic;

    /**
     * @param releases by release, {@code "n"} and {@code "n+1"}
     * @param database the directory of this run's embedded store; it should hold no database yet
     * @param warnings told once when enqueues start failing, with the first error
     */
    public InJvmFleet(Map<String, ShopRelease> releases, Path database, boolean protect, FleetSettings settings,
            Consumer<String> warnings) {
        this.releases = Map.copyOf(releases);
        this.database = database;
        this.protect = protect;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.warnings = warnings;
        this.store = JdbcStore.embedded(database);
    }

    @Override
    public synchronized void start(String release, String role, String nodeId) {
        ShopRelease app = releases.get(release);
        if (app == null) {
            throw new IllegalArgumentException("no release " + release + "; known: " + releases.keySet());
        }
        if (nodes.containsKey(nodeId)) {
            throw new IllegalStateException("node " + nodeId + " is already running");
        }
        JdbcStore own = JdbcStore.embedded(database);
        ShopRelease.StartedNode baton;
        try {
            baton = app.start(own, nodeId, role, protect, settings.toMap());
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
        Node node = new Node(nodeId, role, app, own, baton);
        nodes.put(nodeId, node);
        if (traffic && node.enqueues()) {
            node.startTraffic();
        }
    }

    @Override
    public void stop(String nodeId) {
        Node node;
        synchronized (this) {
            node = nodes.remove(nodeId);
        }
        if (node == null) {
            throw new IllegalStateException("node " + nodeId + " is not running");
        }
        node.stop();
    }

    /**
     * A node of this JVM cannot be SIGKILLed alone; it is cut off instead. Its connection pool is closed
     * under it, which aborts its open connections, so from that instant it claims, completes, extends and
     * heartbeats nothing, and its handlers cannot record a run: what the fleet sees of a SIGKILL. Its
     * leases lapse and its jobs are rescued as a dead node's are.
     */
    @Override
    public void kill(String nodeId, Runnable whileDown) {
        Node node;
        synchronized (this) {
            node = nodes.remove(nodeId);
            if (node != null) {
                killed.add(node);
            }
        }
        if (node == null) {
            throw new IllegalStateException("node " + nodeId + " is not running");
        }
        node.cutOff();
        whileDown.run();
    }

    @Override
    public void stopAll() {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(nodes.keySet());
        }
        ids.forEach(this::stop);
    }

    @Override
    public synchronized void startTraffic() {
        traffic = true;
        nodes.values().stream().filter(Node::enqueues).forEach(Node::startTraffic);
    }

    @Override
    public void stopTraffic() {
        List<Node> webs;
        synchronized (this) {
            traffic = false;
            webs = nodes.values().stream().filter(Node::enqueues).toList();
        }
        webs.forEach(Node::stopTraffic);
    }

    @Override
    public long enqueued() {
        return enqueued.get();
    }

    @Override
    public long refused() {
        return refused.get();
    }

    @Override
    public JdbcStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            stopAll();
        } finally {
            List<Node> zombies;
            synchronized (this) {
                zombies = List.copyOf(killed);
                killed.clear();
            }
            zombies.forEach(Node::closeCutOff);
            store.close();
        }
    }

    private final class Node {

        private final String id;
        private final String role;
        private final ShopRelease app;
        private final JdbcStore store;
        private final ShopRelease.StartedNode baton;
        private volatile boolean enqueuing;
        private Thread thread;

        Node(String id, String role, ShopRelease app, JdbcStore store, ShopRelease.StartedNode baton) {
            this.id = id;
            this.role = role;
            this.app = app;
            this.store = store;
            this.baton = baton;
        }

        boolean enqueues() {
            return role.equals("web") || role.equals("both");
        }

        synchronized void startTraffic() {
            if (thread != null) {
                return;
            }
            enqueuing = true;
            thread = new Thread(this::enqueueSteadily, "traffic-" + id);
            thread.setDaemon(true);
            thread.start();
        }

        /** One job every 1/rate seconds, on a fixed schedule so that a slow enqueue does not lower the rate. */
        private void enqueueSteadily() {
            long interval = TimeUnit.SECONDS.toNanos(1) / settings.rate();
            long next = System.nanoTime();
            while (enqueuing) {
                try {
                    app.enqueueNext(baton.baton(), store, sequence.incrementAndGet());
                    enqueued.incrementAndGet();
                } catch (NoCapableWorkerException e) {
                    refused.incrementAndGet(); // the app's own choice: refuse rather than strand
                } catch (RuntimeException e) {
                    if (failedEnqueues.getAndIncrement() == 0) {
                        warnings.accept("an enqueue by " + id + " failed (later ones are only counted): " + e);
                    }
                }
                next += interval;
                long now = System.nanoTime();
                if (next < now - interval) {
                    next = now; // fell far behind (a pause): carry on at the rate, without a burst
                }
                while (enqueuing && next - System.nanoTime() > 0) {
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            }
        }

        void stopTraffic() {
            Thread running;
            synchronized (this) {
                enqueuing = false;
                running = thread;
                thread = null;
            }
            if (running != null) {
                // Not interrupted: an interrupt during an H2 file write closes the database's file channel.
                try {
                    running.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void cutOff() {
            stopTraffic();
            store.close();
        }

        /** Stops a cut-off node's threads; what it tries to hand back on the way fails, as it should. */
        void closeCutOff() {
            try {
                baton.close();
            } catch (RuntimeException e) {
                // its store is gone: nothing it could still do matters to the run
            }
        }

        void stop() {
            stopTraffic();
            try {
                baton.close();
            } finally {
                store.close();
            }
        }
    }
}
