package dev.baton.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.StrandedJobs;
import dev.baton.jdbc.JdbcStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every count of a run, from the tables alone, on a real embedded store. */
class MeasurementsTest {

    @TempDir
    Path data;

    @Test
    void countsEachOutcomeFromTheTables() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (JdbcStore store = JdbcStore.embedded(data)) {
            ExampleDatabase db = new ExampleDatabase(store);
            long done = db.enqueue("user-confirmation", t0);
            db.handled(done, t0.plusMillis(40));
            db.state(done, "completed", null);
            db.attempt(done, 1);
            db.payloads(done, "{\"userId\":1,\"date\":\"2017-12-24\"}", "{\"userId\":1,\"date\":null}"); // lost
            long twice = db.enqueue("user-confirmation", t0);
            db.handled(twice, t0.plusMillis(1500));
            db.handled(twice, t0.plusMillis(2500));
            db.state(twice, "completed", null);
            db.attempt(twice, 1);
            // An older reader whose record lacks the field loses nothing it could use.
            db.payloads(twice, "{\"userId\":2,\"date\":\"2017-12-24\"}", "{\"userId\":2}");
            long retried = db.enqueue("do-something", t0);
            db.handled(retried, t0.plusMillis(100));
            db.state(retried, "completed", "PayloadException: wrong number of arguments");
            db.attempt(retried, 2); // one failed run, then the one that completed it
            long parked = db.enqueue("do-something", t0);
            db.handled(parked, t0.plusMillis(200));
            db.state(parked, "completed", "incompatible with release n (node worker-1-n): unknown version");
            db.attempt(parked, 1); // handed back unread first: that counted no attempt
            long dead = db.enqueue("export-report", t0);
            db.state(dead, "dead", "IllegalStateException: uninitialized job type export-report");
            db.attempt(dead, 3);
            long unrun = db.enqueue("cleanup-cache", t0);
            db.state(unrun, "completed", null); // completed, and no handler ever ran it
            db.attempt(unrun, 1);
            db.enqueue("send-newsletter", t0); // waiting, and no live node at all: stranded
            db.recordEnqueued(dead + 1000, "confirm-email", t0); // no job, never handled: lost

            ScenarioResult result = new Measurements(store, Duration.ofSeconds(30))
                    .measure("web-first", Mode.PROTECTED, "drained", Duration.ofMillis(12));

            assertThat(result.enqueued()).isEqualTo(8);
            assertThat(result.completed()).isEqualTo(5);
            assertThat(result.failed()).as("counted from attempts: not a job handed back unread").isEqualTo(2);
            assertThat(result.completedUnrun()).isEqualTo(1);
            assertThat(result.fieldsLost()).isEqualTo(1);
            assertThat(result.dead()).isEqualTo(1);
            assertThat(result.stranded()).isEqualTo(1);
            assertThat(result.strandedJobs()).extracting(StrandedJobs::type).containsExactly("send-newsletter");
            assertThat(result.unfinished()).isEqualTo(1);
            assertThat(result.unfinishedJobs()).containsExactly(
                    new ScenarioResult.Unfinished("send-newsletter", 1, "default", "waiting", 1));
            assertThat(result.lost()).isEqualTo(1);
            assertThat(result.duplicates()).isEqualTo(1);
            assertThat(result.longestWaitMillis()).as("to the first run").isEqualTo(1500);
            assertThat(result.failures()).extracting(ScenarioResult.TypeFailures::type, ScenarioResult.TypeFailures::failed,
                    ScenarioResult.TypeFailures::dead).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("do-something", 1L, 0L),
                            org.assertj.core.groups.Tuple.tuple("export-report", 1L, 1L));
            assertThat(result.clean()).isFalse();
            assertThat(result.showsFailures()).isTrue();
        }
    }

    @Test
    void aRunCutShortByAKillIsNeitherAFailureNorAnUnexplainedDuplicate() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (JdbcStore store = JdbcStore.embedded(data)) {
            ExampleDatabase db = new ExampleDatabase(store);
            long killed = db.enqueue("user-confirmation", t0); // running on the killed node, then rescued and rerun
            db.handled(killed, t0.plusMillis(10));
            db.handled(killed, t0.plusMillis(900));
            db.state(killed, "completed", null);
            db.attempt(killed, 2);
            long other = db.enqueue("user-confirmation", t0); // ran twice with no kill to explain it
            db.handled(other, t0.plusMillis(10));
            db.handled(other, t0.plusMillis(20));
            db.state(other, "completed", null);
            db.attempt(other, 2);

            ScenarioResult result = new Measurements(store, Duration.ofSeconds(30))
                    .measure("worker-killed", Mode.PROTECTED, "drained", Duration.ZERO, java.util.Set.of(killed));

            assertThat(result.inFlightAtKills()).isEqualTo(1);
            assertThat(result.rerunAfterKills()).isEqualTo(1);
            assertThat(result.duplicates()).as("only the unexplained one").isEqualTo(1);
            assertThat(result.failed()).as("the killed run is not the job's failure").isEqualTo(1);
            assertThat(result.failures()).extracting(ScenarioResult.TypeFailures::failed).containsExactly(1L);
        }
    }

    @Test
    void anEmptyRunIsCleanAndCountsNothingEnqueuedBeforeTheAppMadeItsTables() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            Measurements measurements = new Measurements(store, Duration.ofSeconds(30));
            assertThat(measurements.enqueued()).isZero();

            new ExampleDatabase(store);
            ScenarioResult result = measurements.measure("rollback", Mode.STRICT, "drained", Duration.ZERO);

            assertThat(result.clean()).isTrue();
            assertThat(result.showsFailures()).isFalse();
            assertThat(measurements.backlog().unfinished()).isZero();
        }
    }
}
