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
import dev.baton.spi.JobCount;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import dev.baton.spi.ReadableRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** purge, restore and queues migrate against a real embedded store. */
class ArchiveCommandsTest {

    private static final List<String> PAYLOADS = List.of(
            "{\"path\":\"tmp/a\",\"olderThanDays\":7}",
            "{\"path\":\"tmp/b\",\"olderThanDays\":30,\"tags\":[\"x\",\"y\"]}",
            "{\"path\":\"tmp/c\",\"olderThanDays\":1,\"owner\":{\"id\":42,\"name\":\"Zoë\"}}");

    @TempDir
    Path data;

    private String dir() {
        return data.toString();
    }

    @Test
    void purgeWithoutYesRefusesSaysWhatItWouldDoAndChangesNothing() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            PAYLOADS.forEach(p -> insert(store, "cleanup-cache", 1, "default", p));
        }

        Result result = run("purge", "cleanup-cache", "--out", data.resolve("purged.json").toString(), "--data", dir());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("would archive and remove 3 waiting, scheduled and retrying cleanup-cache jobs",
                "Nothing changed: pass --yes");
        assertThat(result.out()).isEmpty();
        assertThat(data.resolve("purged.json")).doesNotExist();
        try (JdbcStore store = JdbcStore.embedded(data)) {
            assertThat(pending(store, "cleanup-cache")).isEqualTo(3);
            assertThat(store.archiveList("cleanup-cache")).isEmpty();
        }
    }

    @Test
    void purgeArchivesPendingJobsWritesThemOutAndRestoreBringsThemBackClaimable() throws Exception {
        long runningId;
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            PAYLOADS.forEach(p -> insert(store, "cleanup-cache", 1, "default", p));
            runningId = claim(store, "default", "cleanup-cache", 1).get(0).id();
            insert(store, "cleanup-cache", 1, "default", PAYLOADS.get(0));
            insert(store, "send-invoice", 1, "default", "{\"invoiceId\":7}");
        }
        Path file = data.resolve("cleanup-cache.json");

        Result purge = run("purge", "cleanup-cache", "--out", file.toString(), "--yes", "--data", dir());

        assertThat(purge.exitCode()).as(purge.err()).isZero();
        assertThat(purge.out()).contains("purged 3 cleanup-cache jobs into the archive", "wrote them to " + file,
                "baton restore cleanup-cache");
        JsonNode archived = JSON.readTree(file.toFile());
        assertThat(archived).hasSize(3);
        List<JsonNode> payloads = new ArrayList<>();
        for (JsonNode job : archived) {
            assertThat(job.get("type").asText()).isEqualTo("cleanup-cache");
            assertThat(job.get("version").asInt()).isEqualTo(1);
            assertThat(job.get("queue").asText()).isEqualTo("default");
            assertThat(job.get("maxAttempts").asInt()).isEqualTo(20);
            assertThat(job.get("release").asText()).isEqualTo("2026.11.2");
            assertThat(Instant.parse(job.get("createdAt").asText())).isBefore(Instant.parse(job.get("archivedAt").asText()));
            assertThat(job.get("payload").isObject()).isTrue();
            payloads.add(job.get("payload"));
        }
        assertThat(payloads).containsExactlyInAnyOrderElementsOf(trees(List.of(PAYLOADS.get(1), PAYLOADS.get(2),
                PAYLOADS.get(0))));
        try (JdbcStore store = JdbcStore.embedded(data)) {
            assertThat(pending(store, "cleanup-cache")).isZero();
            assertThat(pending(store, "send-invoice")).isEqualTo(1);
            assertThat(store.jobGet(runningId).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        }

        Result restore = run("restore", "cleanup-cache", "--data", dir());

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored 3 cleanup-cache jobs as waiting");
        try (JdbcStore store = JdbcStore.embedded(data)) {
            List<ClaimedJob> claimed = claim(store, "default", "cleanup-cache", 10);
            assertThat(claimed).hasSize(3);
            assertThat(trees(claimed.stream().map(ClaimedJob::payload).toList()))
                    .containsExactlyInAnyOrderElementsOf(payloads);
            assertThat(store.archiveList("cleanup-cache")).isEmpty();
        }
        Result again = run("restore", "cleanup-cache", "--data", dir(), "--json");
        assertThat(again.exitCode()).isZero();
        assertThat(again.json().get("restored").asInt()).isZero();
    }

    @Test
    void purgeAndRestoreSpeakJson() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            PAYLOADS.forEach(p -> insert(store, "cleanup-cache", 1, "default", p));
        }

        Result purge = run("purge", "cleanup-cache", "--yes", "--json", "--data", dir());
        Result restore = run("restore", "cleanup-cache", "--json", "--data", dir());

        assertThat(purge.exitCode()).isZero();
        assertThat(purge.json().get("type").asText()).isEqualTo("cleanup-cache");
        assertThat(purge.json().get("purged").asInt()).isEqualTo(3);
        assertThat(purge.json().get("archived").asInt()).isEqualTo(3);
        assertThat(purge.json().get("out").isNull()).isTrue();
        assertThat(restore.exitCode()).isZero();
        assertThat(restore.json().get("restored").asInt()).isEqualTo(3);
    }

    @Test
    void purgeChecksTheTypeAndTheOutDirectoryBeforeTouchingAnything() {
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            insert(store, "cleanup-cache", 1, "default", PAYLOADS.get(0));
        }

        Result badType = run("purge", "Cleanup_Cache", "--yes", "--data", dir());
        Result badOut = run("purge", "cleanup-cache", "--yes", "--out", data.resolve("no/such/dir.json").toString(),
                "--data", dir());
        Result badRestore = run("restore", "cleanup cache", "--data", dir());

        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("job type name \"Cleanup_Cache\" is not kebab-case", "\"cleanup-cache\"");
        assertThat(badOut.exitCode()).isEqualTo(2);
        assertThat(badOut.err()).contains("--out", "does not exist");
        assertThat(badRestore.exitCode()).isEqualTo(2);
        try (JdbcStore store = JdbcStore.embedded(data)) {
            assertThat(pending(store, "cleanup-cache")).isEqualTo(1);
        }
    }

    @Test
    void queuesMigrateMovesOnlyPendingJobsOfTheTypeAndNeedsYes() {
        long runningId;
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
            insert(store, "send-newsletter", 1, "mail", "{\"issue\":1}");
            runningId = claim(store, "mail", "send-newsletter", 1).get(0).id();
            insert(store, "send-newsletter", 1, "mail", "{\"issue\":2}");
            insert(store, "send-newsletter", 2, "mail", "{\"issue\":3}");
            insert(store, "reset-password", 1, "mail", "{\"userId\":4}");
        }

        Result refused = run("queues", "migrate", "--from", "mail", "--to", "newsletters", "--type", "send-newsletter",
                "--data", dir());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("would move 2 waiting, scheduled and retrying send-newsletter jobs from queue "
                + "mail to queue newsletters", "pass --yes");
        try (JdbcStore store = JdbcStore.embedded(data)) {
            assertThat(jobs(store, "newsletters")).isEmpty();
        }

        Result moved = run("queues", "migrate", "--from", "mail", "--to", "newsletters", "--type", "send-newsletter",
                "--yes", "--data", dir());

        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("moved 2 send-newsletter jobs from queue mail to queue newsletters");
        try (JdbcStore store = JdbcStore.embedded(data)) {
            assertThat(jobs(store, "newsletters")).extracting(JobRecord::type, JobRecord::state).containsOnly(
                    org.assertj.core.groups.Tuple.tuple("send-newsletter", JobState.WAITING));
            assertThat(jobs(store, "newsletters")).hasSize(2);
            assertThat(jobs(store, "mail")).extracting(JobRecord::id, JobRecord::type).hasSize(2)
                    .contains(org.assertj.core.groups.Tuple.tuple(runningId, "send-newsletter"));
            assertThat(jobs(store, "mail")).extracting(JobRecord::type).contains("reset-password");
        }

        Result all = run("queues", "migrate", "--from", "mail", "--to", "newsletters", "--yes", "--json", "--data", dir());
        assertThat(all.exitCode()).isZero();
        assertThat(all.json().get("moved").asInt()).isEqualTo(1);
        assertThat(all.json().get("from").asText()).isEqualTo("mail");
        assertThat(all.json().get("to").asText()).isEqualTo("newsletters");
        assertThat(all.json().get("type").isNull()).isTrue();
    }

    @Test
    void queuesMigrateRejectsBadQueueNames() {
        Result badFrom = run("queues", "migrate", "--from", "Mail Queue", "--to", "mail", "--yes", "--data", dir());
        Result same = run("queues", "migrate", "--from", "mail", "--to", "mail", "--yes", "--data", dir());
        Result noTo = run("queues", "migrate", "--from", "mail", "--data", dir());

        assertThat(badFrom.exitCode()).isEqualTo(2);
        assertThat(badFrom.err()).contains("--from: queue name \"Mail Queue\" is not valid");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("nothing to move");
        assertThat(noTo.exitCode()).isEqualTo(2);
        assertThat(noTo.err()).contains("--to");
    }

    private static long pending(JdbcStore store, String type) {
        return store.jobCount().stream().filter(c -> c.type().equals(type) && c.state().isPending())
                .mapToLong(JobCount::count).sum();
    }

    private static List<JobRecord> jobs(JdbcStore store, String queue) {
        return store.jobList(new JobListParams(null, queue, null, null, 100));
    }

    private static List<ClaimedJob> claim(JdbcStore store, String queue, String type, int limit) {
        Instant now = Instant.now();
        return store.jobClaim(new JobClaimParams(queue, List.of(new ReadableRange(type, 1, 9)), limit, "test-node", 1L, now,
                now.plusSeconds(600)));
    }

    private static List<JsonNode> trees(List<String> payloads) {
        List<JsonNode> trees = new ArrayList<>();
        for (String payload : payloads) {
            try {
                trees.add(JSON.readTree(payload));
            } catch (Exception e) {
                throw new AssertionError(payload, e);
            }
        }
        return trees;
    }
}
