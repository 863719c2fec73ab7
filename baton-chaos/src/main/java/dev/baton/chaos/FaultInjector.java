package dev.baton.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a {@link FaultPlan} against the fleet and the database, and keeps the fault log, each entry
 * stamped with the database's clock right after the fault.
 */
final class FaultInjector {

    private static final Duration VICTIM_WAIT = Duration.ofSeconds(30);
    private static final Duration SERVER_BACK = Duration.ofSeconds(60);

    private final WorkerFleet fleet;
    private final AdminConnection admin;
    private final PostgresRestart restart;
    private final String applicationName;
    private final Random random;
    private final PrintStream out;
    private final List<Fault> log = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int kills;
    private int freshIds;
    private WorkerProcess paused;
    private Instant start;

    /**
     * @param firstFreshId the number of the first node id a fresh replacement gets, {@code chaos-w<n>}
     */
    FaultInjector(WorkerFleet fleet, AdminConnection admin, PostgresRestart restart, String applicationName,
            Random random, int firstFreshId, PrintStream out) {
        this.fleet = fleet;
        this.admin = admin;
        this.restart = restart;
        this.applicationName = applicationName;
        this.random = random;
        this.freshIds = firstFreshId;
        this.out = out;
    }

    /** Runs every planned fault at its offset from {@code started} (a monotonic nanoTime). */
    void play(List<PlannedFault> plan, long startedNanos) throws Exception {
        start = admin.now();
        for (PlannedFault fault : plan) {
            waitUntil(startedNanos + fault.offset().toNanos());
            replaceCrashed();
            switch (fault.kind()) {
                case KILL -> kill();
                case TERMINATE -> terminate();
                case RESTART -> restartServer();
                case PAUSE -> pause();
                case RESUME -> resume();
            }
        }
    }

    /** The fault log, in order. */
    List<Fault> log() {
        return List.copyOf(log);
    }

    /** Things that happened to the run that the verdict does not count but a reader should see. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** The database's clock when the faults began, for the relative times in the report. */
    Instant start() {
        return start;
    }

    /** A worker that exits by itself is a finding: it is logged, then replaced as a supervisor would. */
    void replaceCrashed() throws IOException {
        for (WorkerProcess crashed : fleet.exitedOnTheirOwn()) {
            String note = "worker " + crashed.nodeId() + " (pid " + crashed.pid() + ") exited by itself with code "
                    + crashed.process().exitValue() + "; restarted under the same id; its output is in " + crashed.log()
                    + crashed.lastErrors(3);
            notes.add(note);
            out.println("!! " + note);
            fleet.launch(crashed.nodeId());
        }
    }

    private void kill() throws Exception {
        WorkerProcess victim = victim();
        int code = fleet.kill(victim);
        Instant at = admin.now();
        kills++;
        // Half come back under the same id, as a StatefulSet restarts a pod; half as a new node.
        String replacement = kills % 2 == 1 ? victim.nodeId() : "chaos-w" + (freshIds++);
        fleet.launch(replacement);
        record(FaultKind.KILL, victim.nodeId(), victim.pid(), at,
                "exit " + code + ", replaced by " + (replacement.equals(victim.nodeId()) ? "the same id" : replacement));
    }

    private void terminate() throws SQLException {
        int ended = admin.terminate(applicationName);
        Instant at = admin.now();
        record(FaultKind.TERMINATE, null, null, at, ended + " backends terminated");
    }

    private void restartServer() throws Exception {
        if (!restart.available()) {
            String line = "SKIPPED: PostgreSQL restart (needs root and pg_ctlcluster): " + restart.unavailableReason();
            notes.add(line);
            out.println(line);
            return;
        }
        long before = System.nanoTime();
        restart.restart();
        if (!admin.awaitReachable(SERVER_BACK)) {
            out.println("!! PostgreSQL does not take connections " + SERVER_BACK.toSeconds() + "s after the restart; starting it");
            restart.start();
            if (!admin.awaitReachable(SERVER_BACK)) {
                throw new ChaosException("PostgreSQL did not come back after pg_ctlcluster " + restart.version()
                        + " main restart, nor after a start; the server is DOWN");
            }
        }
        Instant at = admin.now();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        record(FaultKind.RESTART, null, null, at, "pg_ctlcluster " + restart.version() + " main restart; back after "
                + millis + " ms");
    }

    private void pause() throws Exception {
        WorkerProcess victim = victim();
        fleet.pause(victim);
        Instant at = admin.now();
        paused = victim;
        record(FaultKind.PAUSE, victim.nodeId(), victim.pid(), at, "SIGSTOP for " + FaultPlan.PAUSE.toSeconds() + "s");
    }

    private void resume() throws Exception {
        if (paused == null) {
            return;
        }
        fleet.resume(paused);
        Instant at = admin.now();
        record(FaultKind.RESUME, paused.nodeId(), paused.pid(), at, "SIGCONT");
        paused = null;
    }

    /** A worker that is up and claiming; a fault on a JVM still starting would prove little. */
    private WorkerProcess victim() throws IOException {
        long deadline = System.nanoTime() + VICTIM_WAIT.toNanos();
        while (true) {
            List<WorkerProcess> running = fleet.running();
            if (!running.isEmpty()) {
                return running.get(random.nextInt(running.size()));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ChaosException("no worker was up to take a fault for " + VICTIM_WAIT.toSeconds() + "s");
            }
            replaceCrashed();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private void record(FaultKind kind, String nodeId, Long pid, Instant at, String detail) {
        Fault fault = new Fault(log.size() + 1, kind, nodeId, pid, at, detail);
        log.add(fault);
        double seconds = Duration.between(start, at).toMillis() / 1000.0;
        out.printf("  %6.1fs  %-9s %s%s%n", seconds, kind.label(),
                nodeId == null ? "" : nodeId + " (pid " + pid + ") ", detail);
    }

    private static void waitUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
