package dev.baton.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.jdbc.JdbcStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine drives any fleet through a scenario's steps, then drains and measures; here a fleet that records. */
class ScenarioEngineTest {

    @TempDir
    Path data;

    /** Records every call; "traffic" is 10 more jobs each time the engine looks. */
    private static final class RecordingFleet implements Fleet {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicLong jobs = new AtomicLong();
        final JdbcStore store;

        RecordingFleet(JdbcStore store) {
            this.store = store;
        }

        @Override
        public void start(String release, String role, String nodeId) {
            calls.add("start " + nodeId + " " + role);
        }

        @Override
        public void stop(String nodeId) {
            calls.add("stop " + nodeId);
        }

        /** What the killed node held as it went down, and what the rest of the fleet did after. */
        Runnable atKill = () -> {};
        Runnable afterKill = () -> {};

        @Override
        public void kill(String nodeId, Runnable whileDown) {
            calls.add("kill " + nodeId);
            atKill.run();
            whileDown.run();
            afterKill.run();
        }

        @Override
        public void stopAll() {
            calls.add("stopAll");
        }

        @Override
        public void startTraffic() {
            calls.add("traffic on");
        }

        @Override
        public void stopTraffic() {
            calls.add("traffic off");
        }

        @Override
        public long enqueued() {
            return jobs.addAndGet(10);
        }

        @Override
        public JdbcStore store() {
            return store;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void runsTheStepsInOrderWithTrafficThroughoutThenDrainsAndMeasures() {
        List<String> progress = new ArrayList<>();
        try (JdbcStore store = JdbcStore.embedded(data)) {
            new ExampleDatabase(store);
            RecordingFleet fleet = new RecordingFleet(store);
            ScenarioEngine engine = new ScenarioEngine(progress::add, Duration.ofSeconds(5), Duration.ofSeconds(3));

            ScenarioResult result = engine.run(Scenario.webFirst(() -> new Step.WaitJobs(30, Duration.ofSeconds(5))),
                    Mode.PROTECTED, fleet);

            assertThat(fleet.calls).containsExactly("start web-n web", "start worker-1-n worker", "start worker-2-n worker",
                    "traffic on",
                    "start web-n1 web", "stop web-n",
                    "start worker-1-n1 worker", "stop worker-1-n",
                    "start worker-2-n1 worker", "stop worker-2-n",
                    "traffic off");
            assertThat(progress).contains("scenario web-first (protected): fleet N starts: web, worker-1, worker-2",
                    "scenario web-first (protected): N+1 web joins", "scenario web-first (protected): N worker-2 leaves");
            assertThat(progress.get(progress.size() - 1)).startsWith("scenario web-first (protected): drained in ");
            assertThat(result.scenario()).isEqualTo("web-first");
            assertThat(result.protections()).isTrue();
            assertThat(result.drain()).isEqualTo("drained");
            assertThat(result.clean()).isTrue();
        }
    }

    @Test
    void aDrainStopsWaitingForJobsThatNoLiveWorkerTakes() {
        List<String> progress = new ArrayList<>();
        try (JdbcStore store = JdbcStore.embedded(data)) {
            ExampleDatabase db = new ExampleDatabase(store);
            db.enqueue("export-report", java.time.Instant.now());
            ScenarioEngine engine = new ScenarioEngine(progress::add, Duration.ofSeconds(30), Duration.ofSeconds(3));

            ScenarioResult result = engine.run(new Scenario("empty", "no moves", List.of(), List.of()), Mode.PROTECTED,
                    new RecordingFleet(store));

            assertThat(result.drain()).isEqualTo("only stranded jobs left");
            assertThat(result.drainMillis()).isLessThan(5000);
            assertThat(result.stranded()).isEqualTo(1);
            assertThat(result.showsFailures()).isTrue();
        }
    }

    @Test
    void aKillCountsTheJobsTheNodeHeldWhileItWasDownAndExcusesOnlyTheirLostRun() {
        List<String> progress = new ArrayList<>();
        try (JdbcStore store = JdbcStore.embedded(data)) {
            ExampleDatabase db = new ExampleDatabase(store);
            java.time.Instant at = java.time.Instant.now();
            long held = db.enqueue("do-something", at);
            long other = db.enqueue("do-something", at);
            RecordingFleet fleet = new RecordingFleet(store);
            fleet.atKill = () -> db.sql("UPDATE baton_jobs SET state = 'running', attempt = 1, lease_owner = 'worker-1-n'"
                    + " WHERE id = " + held);
            // the fleet reruns the held job (its cut-short run and the rerun both recorded), and fails the other once
            fleet.afterKill = () -> {
                db.state(held, "completed", null);
                db.attempt(held, 2);
                db.handled(held, at);
                db.handled(held, at);
                db.state(other, "completed", null);
                db.attempt(other, 2);
                db.handled(other, at);
            };
            ScenarioEngine engine = new ScenarioEngine(progress::add, Duration.ofSeconds(5), Duration.ofSeconds(3));

            ScenarioResult result = engine.run(new Scenario("kill", "one kill", List.of(),
                    List.of(new Step.Kill(NodeSpec.worker(NodeSpec.N, 1)))), Mode.PROTECTED, fleet);

            assertThat(fleet.calls).contains("kill worker-1-n");
            assertThat(progress).anyMatch(line -> line.endsWith("N worker-1 is killed with 1 jobs in flight"));
            assertThat(result.inFlightAtKills()).isEqualTo(1);
            assertThat(result.rerunAfterKills()).isEqualTo(1);
            assertThat(result.duplicates()).isZero();
            assertThat(result.failed()).as("only the job the kill did not explain").isEqualTo(1);
        }
    }
}
