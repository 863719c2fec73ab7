package dev.baton.cli;

import static dev.baton.cli.Cli.JSON;
import static dev.baton.cli.Cli.insert;
import static dev.baton.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.cli.Cli.Result;
import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import dev.baton.spi.ReadableRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** baton jobs export against a real embedded store; the files are checked as baton-test's PayloadCorpus reads them. */
class JobsExportCommandTest {

    @TempDir
    Path data;

    private Path out() {
        return data.resolve("payloads");
    }

    @Test
    void writesTheCorpusLayoutNewestFirstAtMostNPerTypeAndVersion() throws IOException {
        List<Long> v1 = new ArrayList<>();
        List<Long> v2 = new ArrayList<>();
        long invoice;
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            for (int i = 1; i <= 3; i++) {
                v1.add(insert(store, "user-confirmation", 1, "mailers", "{\"userId\":" + i + ",\"message\":\"m" + i + "\"}"));
                v2.add(insert(store, "user-confirmation", 2, "mailers",
                        "{\"userId\":" + (10 + i) + ",\"message\":\"n" + i + "\",\"date\":\"2026-11-0" + i + "\"}"));
            }
            invoice = insert(store, "send-invoice", 1, "billing",
                    "{\"invoiceId\":7,\"amount\":12345678901234567.89,\"total\":19.90,\"note\":\"Zoë\",\"lines\":[1,2]}");
        }

        Result result = run("jobs", "export", "--out", out().toString(), "--per-version", "2", "--data", data.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("exported 5 payloads to " + out() + " (newest first, at most 2 per type and version):")
                .containsPattern("send-invoice\\s+v1\\s+1\\s+1\n")
                .containsPattern("user-confirmation\\s+v1\\s+2\\s+3\n")
                .containsPattern("user-confirmation\\s+v2\\s+2\\s+3\n");
        assertThat(files("user-confirmation", 1)).containsExactlyInAnyOrder(v1.get(2) + ".json", v1.get(1) + ".json");
        assertThat(files("user-confirmation", 2)).containsExactlyInAnyOrder(v2.get(2) + ".json", v2.get(1) + ".json");
        assertThat(JSON.readTree(out().resolve("user-confirmation/v2/" + v2.get(2) + ".json").toFile()))
                .isEqualTo(JSON.readTree("{\"userId\":13,\"message\":\"n3\",\"date\":\"2026-11-03\"}"));
        // Pretty-printed token for token: the decimal keeps every digit and its trailing zero, fields their order.
        assertThat(Files.readString(out().resolve("send-invoice/v1/" + invoice + ".json"))).isEqualTo("""
                {
                  "invoiceId" : 7,
                  "amount" : 12345678901234567.89,
                  "total" : 19.90,
                  "note" : "Zoë",
                  "lines" : [ 1, 2 ]
                }
                """);
        try (Stream<Path> all = Files.walk(out())) {
            assertThat(all.filter(Files::isRegularFile)).hasSize(5);
        }
    }

    @Test
    void takesEveryStateByDefaultAndFiltersByStateAndType() throws IOException {
        long waiting;
        long running;
        long completed;
        long scheduled;
        long otherType;
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            completed = insert(store, "resize-image", 1, "default", "{\"imageId\":1}");
            ClaimedJob first = claim(store, "resize-image").get(0);
            store.jobComplete(new JobCompleteParams(first.id(), first.attempt(), Instant.now(), false));
            running = insert(store, "resize-image", 1, "default", "{\"imageId\":2}");
            assertThat(claim(store, "resize-image")).extracting(ClaimedJob::id).containsExactly(running);
            waiting = insert(store, "resize-image", 1, "default", "{\"imageId\":3}");
            Instant now = Instant.now();
            scheduled = store.jobInsert(new JobInsertParams(List.of(new NewJob("resize-image", 1, "default",
                    "{\"imageId\":4}", JobState.SCHEDULED, 0, 20, now.plusSeconds(3600), now, null, "2026.11.2")), null))
                    .get(0).id();
            otherType = insert(store, "send-invoice", 1, "default", "{\"invoiceId\":5}");
        }

        Result all = run("jobs", "export", "--out", out().toString(), "--data", data.toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(files("resize-image", 1)).containsExactlyInAnyOrder(completed + ".json", running + ".json",
                waiting + ".json", scheduled + ".json");
        assertThat(files("send-invoice", 1)).containsExactly(otherType + ".json");

        Path some = data.resolve("some");
        Result filtered = run("jobs", "export", "--out", some.toString(), "--type", "resize-image",
                "--state", "waiting,running", "--state", "completed", "--data", data.toString());
        assertThat(filtered.exitCode()).as(filtered.err()).isZero();
        assertThat(names(some.resolve("resize-image/v1"))).containsExactlyInAnyOrder(completed + ".json",
                running + ".json", waiting + ".json");
        assertThat(some.resolve("send-invoice")).doesNotExist();

        Path one = data.resolve("one");
        Result single = run("jobs", "export", "--out", one.toString(), "--state", "scheduled", "--data", data.toString());
        assertThat(single.exitCode()).isZero();
        assertThat(names(one.resolve("resize-image/v1"))).containsExactly(scheduled + ".json");
    }

    @Test
    void pagesThroughTheWholeStore() throws IOException {
        int jobs = JobsExportCommand.PAGE * 2 + 7;
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            Instant now = Instant.now();
            store.jobInsert(new JobInsertParams(IntStream.range(0, jobs).mapToObj(i -> new NewJob("sync-account",
                    1 + i % 2, "default", "{\"accountId\":" + i + "}", JobState.WAITING, 0, 20, now, now, null, null))
                    .toList(), null));
        }

        Result result = run("jobs", "export", "--out", out().toString(), "--per-version", "10000", "--json",
                "--data", data.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("files").asInt()).isEqualTo(jobs);
        assertThat(files("sync-account", 1)).hasSize(JobsExportCommand.PAGE + 4);
        assertThat(files("sync-account", 2)).hasSize(JobsExportCommand.PAGE + 3);
    }

    @Test
    void printsTheSummaryAsJson() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            insert(store, "user-confirmation", 1, "mailers", "{\"userId\":1}");
            insert(store, "user-confirmation", 1, "mailers", "{\"userId\":2}");
            insert(store, "user-confirmation", 2, "mailers", "{\"userId\":3}");
        }

        Result result = run("jobs", "export", "--out", out().toString(), "--per-version", "1", "--json",
                "--data", data.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = result.json();
        assertThat(summary.get("out").asText()).isEqualTo(out().toString());
        assertThat(summary.get("type").isNull()).isTrue();
        assertThat(summary.get("states")).hasSize(6);
        assertThat(summary.get("perVersion").asInt()).isEqualTo(1);
        assertThat(summary.get("files").asInt()).isEqualTo(2);
        assertThat(summary.get("exported").toString()).isEqualTo("[{\"type\":\"user-confirmation\",\"version\":1,"
                + "\"files\":1,\"jobs\":2},{\"type\":\"user-confirmation\",\"version\":2,\"files\":1,\"jobs\":1}]");
    }

    @Test
    void saysSoWhenNothingMatches() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            insert(store, "user-confirmation", 1, "mailers", "{\"userId\":1}");
        }

        Result result = run("jobs", "export", "--out", out().toString(), "--state", "dead", "--data", data.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("no jobs in state dead in the embedded store").contains("nothing exported");
        assertThat(out()).doesNotExist();
    }

    @Test
    void badArgumentsAreUsageErrorsBeforeAnythingIsWritten() throws IOException {
        Path file = Files.writeString(data.resolve("a-file"), "");

        Result noOut = run("jobs", "export", "--data", data.toString());
        Result badState = run("jobs", "export", "--out", out().toString(), "--state", "waiting,exploded",
                "--data", data.toString());
        Result badType = run("jobs", "export", "--out", out().toString(), "--type", "User_Confirmation",
                "--data", data.toString());
        Result badLimit = run("jobs", "export", "--out", out().toString(), "--per-version", "0", "--data", data.toString());
        Result outIsAFile = run("jobs", "export", "--out", file.toString(), "--data", data.toString());

        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
        assertThat(badState.exitCode()).isEqualTo(2);
        assertThat(badState.err()).contains("--state exploded is not a state");
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("\"User_Confirmation\" is not kebab-case");
        assertThat(badLimit.exitCode()).isEqualTo(2);
        assertThat(badLimit.err()).contains("--per-version must be at least 1, was 0");
        assertThat(outIsAFile.exitCode()).isEqualTo(2);
        assertThat(outIsAFile.err()).contains("is a file; give a directory");
        assertThat(out()).doesNotExist();
    }

    @Test
    void jobsStillListsAndItsHelpNamesExport() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            insert(store, "user-confirmation", 1, "mailers", "{\"userId\":1}");
        }

        Result list = run("jobs", "--data", data.toString(), "--type", "user-confirmation");
        Result help = run("jobs", "--help");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("user-confirmation", "waiting", "0/20");
        assertThat(help.out()).contains("export");
    }

    private List<String> files(String type, int version) throws IOException {
        return names(out().resolve(type).resolve("v" + version));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static List<ClaimedJob> claim(JdbcStore store, String type) {
        Instant now = Instant.now();
        return store.jobClaim(new JobClaimParams("default", List.of(new ReadableRange(type, 1, 9)), 1, "test-node", 1L, now,
                now.plusSeconds(600)));
    }
}
