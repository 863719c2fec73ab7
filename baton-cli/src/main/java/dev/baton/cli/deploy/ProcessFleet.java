package dev.baton.cli.deploy;

import dev.baton.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Every node a JVM of its own: {@code java -jar shop-n.jar --jdbc-url URL --role R --node-id ID --rate N},
 * its output in {@code <logs>/<node>.log}. A web process enqueues for as long as it runs, so traffic starts
 * with the web nodes and stops when they are shut down. Shutdown is SIGTERM, as an orchestrator sends it.
 */
public final class ProcessFleet implements Fleet {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Short-lived JVMs on few cores: no C2 compiler threads, the smallest collector. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Map<String, Path> jars;
    private final String jdbcUrl;
    private final boolean protect;
    private final FleetSettings settings;
    private final Path logs;
    private final JdbcStore store;
    private final Measurements measurements;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private int launches;

    /**
     * @param jars by release, {@code "n"} and {@code "n+1"}
     * @param jdbcUrl the run's database, empty
     * @param logs where each node's output goes, one file per start
     */
    public ProcessFleet(Map<String, Path> jars, String jdbcUrl, boolean protect, FleetSettings settings, Path logs) {
        this.jars = Map.copyOf(jars);
        this.jdbcUrl = jdbcUrl;
        this.protect = protect;
        this.settings = settings;
        this.logs = logs;
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new FleetException("cannot create the log directory " + logs + ": " + e, e);
        }
        this.store = JdbcStore.connect(jdbcUrl);
        this.measurements = new Measurements(store, settings.nodeTtl());
    }

    @Override
    public void start(String release, String role, String nodeId) {
        launch(release, role, nodeId).awaitStarted();
    }

    /** Launches the JVMs side by side, then waits for each: a fleet of three starts in the time of one. */
    @Override
    public void startAll(List<NodeSpec> specs) {
        List<Node> launched = new ArrayList<>();
        for (NodeSpec spec : specs) {
            launched.add(launch(spec.release(), spec.role(), spec.nodeId()));
        }
        launched.forEach(Node::awaitStarted);
    }

    private synchronized Node launch(String release, String role, String nodeId) {
        Path jar = jars.get(release);
        if (jar == null) {
            throw new IllegalArgumentException("no release " + release + "; known: " + jars.keySet());
        }
        if (nodes.containsKey(nodeId)) {
            throw new IllegalStateException("node " + nodeId + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--jdbc-url", jdbcUrl, "--role", role,
                "--node-id", nodeId, "--rate", String.valueOf(settings.rate())));
        if (!protect) {
            command.add("--unprotected");
        }
        settings.toMap().forEach((key, value) -> command.addAll(List.of("--setting", key + "=" + value)));
        Path log = logs.resolve(nodeId + "-" + (++launches) + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new FleetException("cannot start node " + nodeId + " (" + String.join(" ", command) + "): " + e, e);
        }
        Node node = new Node(nodeId, role, release, process, log);
        nodes.put(nodeId, node);
        return node;
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

    @Override
    public void kill(String nodeId, Runnable whileDown) {
        Node node;
        synchronized (this) {
            node = nodes.remove(nodeId);
        }
        if (node == null) {
            throw new IllegalStateException("node " + nodeId + " is not running");
        }
        node.kill(whileDown);
    }

    @Override
    public void stopAll() {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(nodes.keySet());
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (String id : ids) {
            try {
                stop(id);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** Web processes enqueue from their start; nothing to switch on. */
    @Override
    public void startTraffic() {}

    /** Shuts the web nodes down: a web process enqueues for as long as it runs. */
    @Override
    public void stopTraffic() {
        List<String> webs;
        synchronized (this) {
            webs = nodes.values().stream().filter(n -> n.role.equals("web") || n.role.equals("both"))
                    .map(n -> n.id).toList();
        }
        webs.forEach(this::stop);
    }

    @Override
    public long enqueued() {
        return measurements.enqueued();
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
            store.close();
        }
    }

    /** The JVM running this CLI, so that every node runs on the same Java. */
    static String javaCommand() {
        Optional<String> current = ProcessHandle.current().info().command();
        return current.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static final class Node {

        private final String id;
        private final String role;
        private final String release;
        private final Process process;
        private final Path log;

        Node(String id, String role, String release, Process process, Path log) {
            this.id = id;
            this.role = role;
            this.release = release;
            this.process = process;
            this.log = log;
        }

        /** Waits for the app's {@code started <id>} line; a node that exits or hangs first is an error. */
        void awaitStarted() {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (true) {
                if (output().lines().anyMatch(line -> line.startsWith("started " + id))) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new FleetException("node " + id + " (release " + release + ") exited with code "
                            + process.exitValue() + " before it started; its output is in " + log + tail());
                }
                if (System.nanoTime() - deadline > 0) {
                    process.destroyForcibly();
                    throw new FleetException("node " + id + " (release " + release + ") did not print \"started "
                            + id + "\" within " + START_TIMEOUT.toSeconds() + "s and was killed; its output is in "
                            + log + tail());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }

        /**
         * SIGKILL, as the OOM killer or a crash ends a node: no shutdown runs. The process is frozen with
         * SIGSTOP first, so that {@code whileDown} sees exactly what it holds: a frozen process claims and
         * completes nothing, and its connections, with their presence locks, stay open until the kill.
         */
        void kill(Runnable whileDown) {
            try {
                signal("STOP");
                whileDown.run();
            } finally {
                process.destroyForcibly();
            }
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new FleetException("node " + id + " survived SIGKILL for " + STOP_TIMEOUT.toSeconds() + "s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void signal(String name) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid()))
                        .redirectErrorStream(true).start();
                String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (kill.waitFor() != 0) {
                    throw new FleetException("kill -" + name + " " + process.pid() + " (node " + id + ") failed: " + output);
                }
            } catch (IOException e) {
                throw new FleetException("kill -" + name + " " + process.pid() + " (node " + id + ") failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FleetException("interrupted while sending " + name + " to node " + id);
            }
        }

        /** SIGTERM, as an orchestrator stops a node; killed only if it does not finish in time. */
        void stop() {
            process.destroy();
            boolean exited;
            try {
                exited = process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exited = false;
            }
            if (!exited) {
                process.destroyForcibly();
                throw new FleetException("node " + id + " (release " + release + ") did not stop within "
                        + STOP_TIMEOUT.toSeconds() + "s of SIGTERM and was killed; its output is in " + log + tail());
            }
        }

        private String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        private String tail() {
            List<String> lines = output().lines().toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return last.isEmpty() ? " (empty)" : ":\n  " + String.join("\n  ", last);
        }
    }
}
