package dev.baton.cli.deploy;

import dev.baton.StrandedJobs;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a scenario on a fleet: the fleet of release N starts on an empty store, traffic runs through every
 * step of the deploy, then stops; the final fleet drains, and the run is measured from the database.
 */
public final class ScenarioEngine {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How many polls in a row must find only stranded jobs before the drain stops waiting for them. */
    private static final int STRANDED_POLLS = 5;
    /** Longer than the example's longest retry backoff (2 s): a drain that saw nothing move for this long is stuck. */
    private static final Duration STALL = Duration.ofSeconds(3);

    private final Consumer<String> progress;
    private final Duration drainTimeout;
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private final Duration nodeTtl;

    /**
     * @param progress one line per step, for people
     * @param drainTimeout how long the final fleet may take to finish what waits
     * @param nodeTtl the fleet's nodeTtl: how the stranded count tells live nodes
     */
    public ScenarioEngine(Consumer<String> progress, Duration drainTimeout, Duration nodeTtl) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
        this.nodeTtl = Objects.requireNonNull(nodeTtl, "nodeTtl");
    }

    /** Runs the scenario; the caller closes the fleet (which stops every node) afterwards. */
    public ScenarioResult run(Scenario scenario, Mode mode, Fleet fleet) {
        String tag = "scenario " + scenario.name() + " (" + mode.label() + "): ";
        Measurements measurements = new Measurements(fleet.store(), nodeTtl);
        Set<Long> inFlight = new HashSet<>();
        progress.accept(tag + "fleet N starts: " + scenario.initial().stream().map(NodeSpec::name)
                .collect(Collectors.joining(", ")));
        fleet.startAll(scenario.initial());
        fleet.startTraffic();
        progress.accept(tag + "traffic on");
        for (Step step : scenario.steps()) {
            if (step instanceof Step.Start start) {
                progress.accept(tag + start.node().label() + " joins");
                fleet.start(start.node().release(), start.node().role(), start.node().nodeId());
            } else if (step instanceof Step.Stop stop) {
                progress.accept(tag + stop.node().label() + " leaves");
                fleet.stop(stop.node().nodeId());
            } else if (step instanceof Step.Kill kill) {
                // A kill mid-job is the case that matters: wait (a few seconds at most) for the node to be running one.
                parkUntil(System.nanoTime() + KILL_WAIT.toNanos(),
                        () -> !measurements.runningOn(kill.node().nodeId()).isEmpty());
                Set<Long> held = new HashSet<>();
                fleet.kill(kill.node().nodeId(), () -> held.addAll(measurements.heldBy(kill.node().nodeId())));
                inFlight.addAll(held);
                progress.accept(tag + kill.node().label() + " is killed with " + held.size() + " jobs in flight");
            } else if (step instanceof Step.ShowStranded) {
                showStranded(tag, mode, measurements);
            } else if (step instanceof Step.WaitTime wait) {
                parkUntil(System.nanoTime() + wait.duration().toNanos(), () -> false);
            } else if (step instanceof Step.WaitJobs wait) {
                long target = fleet.enqueued() + wait.jobs();
                parkUntil(System.nanoTime() + wait.atMost().toNanos(), () -> fleet.enqueued() >= target);
            }
        }
        fleet.stopTraffic();
        long refused = fleet.refused();
        progress.accept(tag + "traffic stops after " + fleet.enqueued() + " jobs"
                + (refused > 0 ? " (" + refused + " more refused: no live worker could run them)" : "")
                + "; the final fleet drains");
        long drainStart = System.nanoTime();
        String drain = drain(measurements, mode);
        Duration drainTime = Duration.ofNanos(System.nanoTime() - drainStart);
        ScenarioResult result = measurements.measure(scenario.name(), mode, drain, drainTime, inFlight);
        progress.accept(tag + drain + " in " + drainTime.toMillis() + " ms: " + summary(result));
        return result;
    }

    /** Baton's stranded jobs at this moment, each with its reason; a conventional queue has no such notion. */
    private void showStranded(String tag, Mode mode, Measurements measurements) {
        if (!mode.protect()) {
            return;
        }
        List<StrandedJobs> stranded = measurements.stranded();
        if (stranded.isEmpty()) {
            progress.accept(tag + "stranded now: none");
        }
        stranded.forEach(s -> progress.accept(tag + "stranded now: " + s.count() + " " + s.type() + " v" + s.version()
                + " on " + s.queue() + " (" + s.reason() + "): " + s.explanation()));
    }

    /**
     * Waits until no job is pending or running. Stops waiting early when every job left is stranded (no
     * live worker will ever take it), or when nothing has moved for a while: no job ran, changed state or
     * was attempted again for longer than the longest retry backoff, as with jobs on a queue nobody
     * serves. Waiting longer would change nothing; the jobs left are counted as unfinished.
     */
    private String drain(Measurements measurements, Mode mode) {
        long now = System.nanoTime();
        long deadline = now + drainTimeout.toNanos();
        int onlyStranded = 0;
        String lastProgress = null;
        long lastMove = now;
        while (true) {
            Measurements.Backlog backlog = measurements.backlog();
            now = System.nanoTime();
            if (backlog.unfinished() == 0) {
                return "drained";
            }
            // Stranded is Baton's notion; a conventional queue's leftovers end the drain by not moving.
            boolean allStranded = mode.protect() && backlog.unfinished() == backlog.stranded();
            onlyStranded = backlog.running() == 0 && allStranded ? onlyStranded + 1 : 0;
            if (onlyStranded >= STRANDED_POLLS) {
                return "only stranded jobs left";
            }
            if (!backlog.progress().equals(lastProgress) || backlog.running() > 0) {
                lastProgress = backlog.progress();
                lastMove = now;
            } else if (now - lastMove > STALL.toNanos()) {
                return "nothing moved for " + STALL.toSeconds() + " s";
            }
            if (now - deadline > 0) {
                return "drain timed out";
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    static String summary(ScenarioResult r) {
        return r.enqueued() + " enqueued, " + r.completed() + " completed, " + r.failed() + " failed, " + r.dead()
                + " dead, " + r.stranded() + " stranded, " + r.unfinished() + " unfinished, " + r.lost() + " lost, "
                + r.duplicates() + " duplicates, " + r.completedUnrun() + " completed unrun, " + r.fieldsLost()
                + " fields lost" + (r.inFlightAtKills() > 0 ? "; " + r.inFlightAtKills() + " in flight at the kill, "
                + r.rerunAfterKills() + " of them run again" : "");
    }

    private static void parkUntil(long deadline, java.util.function.BooleanSupplier done) {
        while (!done.getAsBoolean() && deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(Math.min(POLL_NANOS / 2, Math.max(1, deadline - System.nanoTime())));
        }
    }
}
