package dev.baton.cli;

import static dev.baton.cli.Cli.insert;
import static dev.baton.cli.Cli.reads;
import static dev.baton.cli.Cli.registerNode;
import static dev.baton.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.Baton;
import dev.baton.Job;
import dev.baton.cli.Cli.Result;
import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.ReadableRange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fleet, versions, drained and stranded against a real embedded store. */
class InspectCommandsTest {

    @Job(name = "user-confirmation", version = 2, queue = "mailers")
    record UserConfirmation(long userId, String message) {}

    @TempDir
    Path data;

    private String dir() {
        return data.toString();
    }

    @Test
    void fleetShowsLiveAndGoneNodesWithWhatEachReads() {
        try (JdbcStore store = JdbcStore.embedded(data);
                Baton node = Baton.builder().store(store).release("2026.11.3").nodeId("worker-1")
                        .queue("mailers", 1).queue("default", 1)
                        .handle(UserConfirmation.class, (job, ctx) -> {})
                        .upcast(UserConfirmation.class, 1, v1 -> v1.put("message", ""))
                        .retire("cleanup-cache", "default")
                        .build()) {
            node.start();
            registerNode(store, "old-1", "2026.11.2", Instant.now().minus(Duration.ofHours(1)),
                    reads("user-confirmation", 1, 1, "mailers"));

            Result text = run("fleet", "--data", dir());
            Result json = run("fleet", "--data", dir(), "--json");
            Result longTtl = run("fleet", "--data", dir(), "--node-ttl", "2h");

            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).contains("Fleet: 1 live, 1 gone (live: heartbeat within 30s)",
                    "worker-1", "2026.11.3", "live", "user-confirmation v1-v2 [mailers]",
                    "cleanup-cache any version (retired) [default]",
                    "old-1", "2026.11.2", "gone", "user-confirmation v1 [mailers]", "(1h");
            assertThat(text.out().indexOf("worker-1")).isLessThan(text.out().indexOf("old-1"));

            assertThat(json.exitCode()).isZero();
            JsonNode fleet = json.json();
            assertThat(fleet.get("live").asInt()).isEqualTo(1);
            assertThat(fleet.get("gone").asInt()).isEqualTo(1);
            JsonNode live = fleet.get("nodes").get(0);
            assertThat(live.get("id").asText()).isEqualTo("worker-1");
            assertThat(live.get("release").asText()).isEqualTo("2026.11.3");
            assertThat(live.get("role").asText()).isEqualTo("worker");
            assertThat(live.get("live").asBoolean()).isTrue();
            assertThat(texts(live.get("queues"))).containsExactlyInAnyOrder("mailers", "default");
            JsonNode confirmation = live.get("types").get(0);
            assertThat(confirmation.get("type").asText()).isEqualTo("user-confirmation");
            assertThat(confirmation.get("minVersion").asInt()).isEqualTo(1);
            assertThat(confirmation.get("maxVersion").asInt()).isEqualTo(2);
            assertThat(confirmation.get("retired").asBoolean()).isFalse();
            JsonNode retired = live.get("types").get(1);
            assertThat(retired.get("type").asText()).isEqualTo("cleanup-cache");
            assertThat(retired.get("retired").asBoolean()).isTrue();
            assertThat(retired.get("maxVersion").isNull()).isTrue();
            JsonNode gone = fleet.get("nodes").get(1);
            assertThat(gone.get("id").asText()).isEqualTo("old-1");
            assertThat(gone.get("live").asBoolean()).isFalse();

            assertThat(longTtl.out()).contains("Fleet: 2 live, 0 gone (live: heartbeat within 2h)");
        }
    }

    @Test
    void aNodeTtlThatIsNotADurationIsAUsageError() {
        Result result = run("fleet", "--data", dir(), "--node-ttl", "soon");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'soon' is not a duration");
        assertThat(run("stranded", "--data", dir(), "--node-ttl", "PT0S").exitCode()).isEqualTo(2);
    }

    @Test
    void versionsCountsOneTypePerVersionQueueAndState() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            inFlight(store);
        }

        Result text = run("versions", "user-confirmation", "--data", dir());
        Result json = run("versions", "user-confirmation", "--data", dir(), "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("VERSION", "QUEUE", "WAITING", "RUNNING", "v1", "v2", "mailers", "mail")
                .doesNotContain("send-invoice");
        JsonNode versions = json.json().get("versions");
        assertThat(json.json().get("type").asText()).isEqualTo("user-confirmation");
        assertThat(versions).hasSize(3);
        JsonNode v1Mailers = find(versions, 1, "mailers");
        assertThat(v1Mailers.get("states").get("waiting").asLong()).isEqualTo(2);
        assertThat(v1Mailers.get("states").get("running").asLong()).isEqualTo(1);
        assertThat(v1Mailers.get("states").get("dead").asLong()).isZero();
        assertThat(find(versions, 1, "mail").get("states").get("waiting").asLong()).isEqualTo(1);
        assertThat(find(versions, 2, "mailers").get("states").get("waiting").asLong()).isEqualTo(2);
    }

    @Test
    void drainedIsTheDeployGateExitingZeroOnlyWhenNothingOldIsLeft() {
        long running;
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            running = inFlight(store);
        }

        Result notDrained = run("drained", "user-confirmation", "--below", "2", "--data", dir());
        Result notDrainedJson = run("drained", "user-confirmation", "--below", "2", "--data", dir(), "--json");
        Result belowOne = run("drained", "user-confirmation", "--below", "1", "--data", dir());

        assertThat(notDrained.exitCode()).isEqualTo(1);
        assertThat(notDrained.out()).startsWith("not drained: 4 user-confirmation jobs below v2 still waiting or running")
                .contains("v1: 1 running, 3 waiting");
        assertThat(notDrainedJson.exitCode()).isEqualTo(1);
        JsonNode answer = notDrainedJson.json();
        assertThat(answer.get("type").asText()).isEqualTo("user-confirmation");
        assertThat(answer.get("below").asInt()).isEqualTo(2);
        assertThat(answer.get("drained").asBoolean()).isFalse();
        assertThat(answer.get("remaining").get("1").asLong()).isEqualTo(4);
        assertThat(answer.get("remaining").has("2")).isFalse();
        assertThat(belowOne.exitCode()).isZero();
        assertThat(belowOne.out()).startsWith("drained");

        assertThat(run("purge", "user-confirmation", "--yes", "--data", dir()).exitCode()).isZero();
        Result runningLeft = run("drained", "user-confirmation", "--below", "2", "--data", dir());
        assertThat(runningLeft.exitCode()).isEqualTo(1);
        assertThat(runningLeft.out()).contains("not drained: 1 user-confirmation job below v2", "v1: 1 running");

        try (JdbcStore store = JdbcStore.embedded(data)) {
            assertThat(store.jobComplete(new JobCompleteParams(running, 1, Instant.now(), false))).isTrue();
        }
        Result drained = run("drained", "user-confirmation", "--below", "2", "--data", dir());
        Result drainedJson = run("drained", "user-confirmation", "--below", "2", "--data", dir(), "--json");
        assertThat(drained.exitCode()).isZero();
        assertThat(drained.out()).isEqualToIgnoringNewLines(
                "drained: no user-confirmation job below v2 is waiting, scheduled, retrying or running");
        assertThat(drainedJson.exitCode()).isZero();
        assertThat(drainedJson.json().get("drained").asBoolean()).isTrue();
        assertThat(drainedJson.json().get("remaining")).isEmpty();
    }

    @Test
    void drainedRejectsBadArgumentsAsUsageErrors() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
        }
        Result badType = run("drained", "UserConfirmation", "--below", "2", "--data", dir());
        Result badVersion = run("drained", "user-confirmation", "--below", "0", "--data", dir());
        Result everyVersion = run("drained", "user-confirmation", "--data", dir());

        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("\"UserConfirmation\" is not kebab-case", "user-confirmation");
        assertThat(badVersion.exitCode()).isEqualTo(2);
        assertThat(badVersion.err()).contains("--below must be a version, 1 or more, was 0");
        assertThat(everyVersion.exitCode()).as("without --below: no job of any version").isZero();
        assertThat(everyVersion.out()).contains("drained: no user-confirmation job is waiting");
    }

    @Test
    void strandedListsWhatNoLiveWorkerTakesAndWhyAndExitsOneUntilNoneAreLeft() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            registerNode(store, "worker-n", "2026.11.2", Instant.now(), reads("user-confirmation", 1, 1, "mailers"));
            registerNode(store, "worker-gone", "2026.11.3", Instant.now().minus(Duration.ofHours(1)),
                    reads("user-confirmation", 1, 2, "mailers"), reads("send-invoice", 1, 1, "default"));
            insert(store, "user-confirmation", 1, "mailers", "{\"userId\":1}");
            insert(store, "user-confirmation", 2, "mailers", "{\"userId\":2,\"message\":\"hi\"}");
            insert(store, "user-confirmation", 2, "mailers", "{\"userId\":3,\"message\":\"hi\"}");
            insert(store, "user-confirmation", 1, "mail", "{\"userId\":4}");
            insert(store, "send-invoice", 1, "default", "{\"invoiceId\":5}");
        }

        Result text = run("stranded", "--data", dir());
        Result json = run("stranded", "--data", dir(), "--json");

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("4 pending jobs no live worker takes:",
                "NO_WORKER_FOR_VERSION", "no live worker reads user-confirmation v2; live workers read v1-v1",
                "NO_WORKER_FOR_QUEUE", "from queue \"mail\"",
                "NO_WORKER_FOR_TYPE", "no live worker runs send-invoice");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.json().get("jobs").asLong()).isEqualTo(4);
        List<String> groups = new ArrayList<>();
        json.json().get("stranded").forEach(g -> groups.add(g.get("type").asText() + " v" + g.get("version").asInt()
                + " " + g.get("queue").asText() + " " + g.get("count").asLong() + " " + g.get("reason").asText()));
        assertThat(groups).containsExactlyInAnyOrder(
                "user-confirmation v2 mailers 2 NO_WORKER_FOR_VERSION",
                "user-confirmation v1 mail 1 NO_WORKER_FOR_QUEUE",
                "send-invoice v1 default 1 NO_WORKER_FOR_TYPE");
        assertThat(json.json().get("stranded").get(0).get("explanation").asText()).isNotBlank();

        // With a TTL long enough for the gone N+1 node to count, it takes the v2 and send-invoice jobs.
        Result longTtl = run("stranded", "--data", dir(), "--node-ttl", "2h", "--json");
        assertThat(longTtl.json().get("jobs").asLong()).isEqualTo(1);

        assertThat(run("queues", "migrate", "--from", "mail", "--to", "mailers", "--yes", "--data", dir()).exitCode())
                .isZero();
        Result none = run("stranded", "--data", dir(), "--node-ttl", "2h");
        assertThat(none.exitCode()).as(none.out()).isZero();
        assertThat(none.out()).contains("No stranded jobs");
    }

    /**
     * user-confirmation: v1 on mailers (2 waiting, 1 running), v1 on mail (1 waiting), v2 on mailers (2 waiting);
     * plus one send-invoice job that must never show up under user-confirmation.
     *
     * @return the id of the running job
     */
    private static long inFlight(JdbcStore store) {
        insert(store, "user-confirmation", 1, "mailers", "{\"userId\":1}");
        insert(store, "user-confirmation", 1, "mailers", "{\"userId\":2}");
        insert(store, "user-confirmation", 1, "mailers", "{\"userId\":3}");
        insert(store, "user-confirmation", 1, "mail", "{\"userId\":4}");
        insert(store, "user-confirmation", 2, "mailers", "{\"userId\":5,\"message\":\"hi\"}");
        insert(store, "user-confirmation", 2, "mailers", "{\"userId\":6,\"message\":\"hi\"}");
        insert(store, "send-invoice", 1, "default", "{\"invoiceId\":7}");
        Instant now = Instant.now();
        List<ClaimedJob> claimed = store.jobClaim(new JobClaimParams("mailers",
                List.of(new ReadableRange("user-confirmation", 1, 1)), 1, "test-node", 1L, now, now.plusSeconds(600)));
        assertThat(claimed).hasSize(1);
        return claimed.get(0).id();
    }

    private static JsonNode find(JsonNode versions, int version, String queue) {
        return StreamSupport.stream(versions.spliterator(), false)
                .filter(v -> v.get("version").asInt() == version && v.get("queue").asText().equals(queue))
                .findFirst().orElseThrow(() -> new AssertionError("no v" + version + " on " + queue + " in " + versions));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
