package dev.baton.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The worker JVMs of a run, each {@code java ... worker --jdbc-url URL --node-id ID} with its output in
 * {@code <logs>/<node>-<n>.log}. Kills are SIGKILL ({@link Process#destroyForcibly()} on Linux), pauses
 * SIGSTOP and SIGCONT, the end is SIGTERM so that Baton shuts down as under an orchestrator.
 */
final class WorkerFleet implements AutoCloseable {

    /** Small JVMs on two cores: no C2 compiler threads, the smallest collector, a bounded heap. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m");
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String jdbcUrl;
    private final Path logs;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private int launches;

    WorkerFleet(String jdbcUrl, Path logs) throws IOException {
        this.jdbcUrl = jdbcUrl;
        this.logs = logs;
        Files.createDirectories(logs);
    }

    Path logs() {
        return logs;
    }

    synchronized WorkerProcess launch(String nodeId) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(JVM_OPTIONS);
        // The classpath this JVM runs on: the shaded jar under -jar, target/classes under a test.
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChaosCli.class.getName(),
                "worker", "--jdbc-url", jdbcUrl, "--node-id", nodeId));
        Path log = logs.resolve(nodeId + "-" + (++launches) + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WorkerProcess worker = new WorkerProcess(nodeId, process, log);
        workers.add(worker);
        return worker;
    }

    /** Waits for the worker's {@code started} line; a worker that exits or hangs first is an error. */
    void awaitStarted(WorkerProcess worker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!worker.started()) {
            if (!worker.alive()) {
                throw new ChaosException("worker " + worker.nodeId() + " exited with code " + worker.process().exitValue()
                        + " before it started; its output is in " + worker.log() + worker.tail(15));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ChaosException("worker " + worker.nodeId() + " did not start within " + timeout.toSeconds()
                        + "s; its output is in " + worker.log() + worker.tail(15));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** The workers that are up, claiming, and neither paused nor killed. */
    synchronized List<WorkerProcess> running() {
        return workers.stream().filter(w -> w.alive() && !w.killedByUs() && !w.paused() && w.started()).toList();
    }

    /** Workers that died without being killed: a crash of Baton or of the worker, to report and replace. */
    synchronized List<WorkerProcess> exitedOnTheirOwn() {
        List<WorkerProcess> exited = workers.stream().filter(w -> !w.alive() && !w.killedByUs()).toList();
        workers.removeAll(exited);
        return exited;
    }

    /**
     * SIGKILL, then waits for the process to be gone.
     *
     * @return the exit code, 137 for a SIGKILL
     */
    int kill(WorkerProcess worker) throws InterruptedException {
        worker.markKilled();
        worker.process().destroyForcibly();
        if (!worker.process().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ChaosException("worker " + worker.nodeId() + " (pid " + worker.pid() + ") is still alive "
                    + KILL_WAIT.toSeconds() + "s after SIGKILL");
        }
        synchronized (this) {
            workers.remove(worker);
        }
        return worker.process().exitValue();
    }

    void pause(WorkerProcess worker) throws IOException, InterruptedException {
        signal(worker, "STOP");
        worker.markPaused(true);
    }

    void resume(WorkerProcess worker) throws IOException, InterruptedException {
        signal(worker, "CONT");
        worker.markPaused(false);
    }

    /** Every paused worker continued: a stopped JVM would ignore the SIGTERM at the end. */
    void resumeAll() {
        for (WorkerProcess worker : snapshot()) {
            if (worker.paused()) {
                try {
                    resume(worker);
                } catch (IOException | InterruptedException e) {
                    System.err.println("cannot SIGCONT worker " + worker.nodeId() + ": " + e);
                }
            }
        }
    }

    /**
     * SIGTERM to every worker at once, then waits for all; one that does not finish in time is killed.
     *
     * @return the node ids of the workers that had to be killed
     */
    List<String> stopAll(Duration timeout) throws InterruptedException {
        resumeAll();
        List<WorkerProcess> all = snapshot();
        all.forEach(w -> w.process().destroy());
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> forced = new ArrayList<>();
        for (WorkerProcess worker : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!worker.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                worker.process().destroyForcibly();
                forced.add(worker.nodeId());
            }
        }
        synchronized (this) {
            workers.removeAll(all);
        }
        return forced;
    }

    /** For the shutdown hook: no worker outlives the run, whatever ended it. */
    @Override
    public void close() {
        for (WorkerProcess worker : snapshot()) {
            worker.process().destroyForcibly();
        }
    }

    private synchronized List<WorkerProcess> snapshot() {
        return List.copyOf(workers);
    }

    private static void signal(WorkerProcess worker, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(worker.pid())).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new ChaosException("kill -" + signal + " " + worker.pid() + " failed: " + output);
        }
    }

    /** The JVM running the orchestrator, so that every worker runs on the same Java. */
    private static String javaCommand() {
        Optional<String> current = ProcessHandle.current().info().command();
        return current.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
