package dev.baton.example.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.cli.BatonCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code baton demo} in this JVM against the shop's two built jars, once for the class, and checks what
 * it claims: with Baton's protections, no rolling deploy fails, kills, strands, loses or repeats a job; without
 * them (a conventional queue) the same deploys fail jobs; and {@code baton check} names the seed changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoProofTest {

    private static final List<String> SCENARIOS = List.of("web-first", "workers-first", "rollback",
            "rollback-workers-first", "worker-killed");

    private int exitCode;
    private String progress;
    private JsonNode demo;

    @BeforeAll
    void runTheDemo(@TempDir Path data) throws Exception {
        Path examples = Path.of(System.getProperty("baton.examples", "..")).toAbsolutePath().normalize();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BatonCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        exitCode = cli.execute("demo", "--examples", examples.toString(), "--data", data.toString(), "--json");
        progress = err.toString();
        demo = new ObjectMapper().readTree(out.toString());
    }

    @Test
    void everyProtectedDeployIsClean() {
        for (String scenario : SCENARIOS) {
            JsonNode run = run(scenario, "protected");
            assertThat(run.get("enqueued").asLong()).as(scenario + " enqueued").isPositive();
            for (String count : List.of("failed", "dead", "stranded", "unfinished", "lost", "duplicates",
                    "completedUnrun", "fieldsLost")) {
                assertThat(run.get(count).asLong()).as(scenario + " (protected) " + count + ": " + run).isZero();
            }
            assertThat(run.get("completed").asLong()).as(scenario + " (protected): every job enqueued completed")
                    .isEqualTo(run.get("enqueued").asLong());
        }
        assertThat(demo.get("clean").asBoolean()).isTrue();
        assertThat(exitCode).as(progress).isZero();
    }

    @Test
    void aConventionalQueueFailsJobsInTheSameDeploysReadingStrictlyOrTolerantly() {
        for (String baseline : List.of("strict", "tolerant")) {
            assertThat(run("web-first", baseline).get("failed").asLong())
                    .as(baseline + ", web-first: N+1 payloads and types reach N workers").isPositive();
            assertThat(run("workers-first", baseline).get("failed").asLong())
                    .as(baseline + ", workers-first: N payloads and names reach N+1 workers").isPositive();
            for (String scenario : SCENARIOS) {
                JsonNode run = run(scenario, baseline);
                assertThat(run.get("lost").asLong()).as(scenario + ": failed, never lost").isZero();
                assertThat(run.get("failures")).as(scenario + " lists what failed").isNotEmpty();
            }
        }
        assertThat(run("web-first", "tolerant").get("failed").asLong()).as("a tolerant reading fails fewer jobs")
                .isLessThan(run("web-first", "strict").get("failed").asLong());
    }

    @Test
    void theCheckOfNPlusOneAgainstNNamesTheSeedChanges() {
        List<String> findings = new ArrayList<>();
        demo.get("check").get("findings").forEach(f -> findings.add(f.get("rule").asText() + " " + f.get("type").asText()));

        assertThat(findings).containsExactlyInAnyOrder("new-type export-report", "type-retired cleanup-cache",
                "queue-changed send-newsletter", "optional-field-added compute-foobar", "version-raised do-something",
                "version-raised user-confirmation", "type-renamed email-confirmation");
    }

    @Test
    void aRollbackWorkerFirstStrandsOnlyWhatCheckWarnedAboutAndClearsItWhenACapableNodeReturns() {
        List<String> shown = progress.lines()
                .filter(line -> line.startsWith("scenario rollback-workers-first (protected): stranded now: "))
                .toList();
        assertThat(shown).as(progress).hasSize(2)
                .anyMatch(line -> line.contains("export-report") && line.contains("NO_WORKER_FOR_TYPE"))
                .allMatch(line -> line.endsWith("none") || line.contains(" export-report v1 "));
        assertThat(run("rollback-workers-first", "protected").get("stranded").asLong()).as("0 at the end").isZero();
    }

    @Test
    void progressNamesEachMoveOfEachDeploy() {
        assertThat(progress).contains("scenario web-first (protected): N+1 web joins",
                "scenario workers-first (strict): N+1 worker-1 joins", "scenario workers-first (tolerant): N+1 worker-1 joins",
                "scenario rollback (protected): N+1 worker-1 leaves");
    }

    @Test
    void aWorkerKilledMidJobLosesNothingAndRerunsAtMostWhatItHeld() {
        JsonNode run = run("worker-killed", "protected");
        assertThat(run.get("inFlightAtKills").asLong()).as("killed while it ran a job: " + run).isPositive();
        assertThat(run.get("rerunAfterKills").asLong()).isLessThanOrEqualTo(run.get("inFlightAtKills").asLong());
        assertThat(progress).containsPattern("scenario worker-killed \\(protected\\): N worker-1 is killed with [1-9]\\d* jobs in flight");
    }

    @Test
    void theDeletedTypeTakenWorkersFirstIsRunByTheKeptHandlerNeverCompletedUnrun() {
        JsonNode deleted = run("workers-first", "protected").get("deletedType");
        assertThat(deleted.get("type").asText()).isEqualTo("cleanup-cache");
        assertThat(deleted.get("runOnN1").asLong()).as("N's web enqueued it after the N workers left: " + deleted)
                .isPositive();
        assertThat(deleted.get("runOnN").asLong() + deleted.get("runOnN1").asLong())
                .isEqualTo(deleted.get("enqueued").asLong());
        assertThat(deleted.get("completedUnrun").asLong()).isZero();
    }

    private JsonNode run(String scenario, String mode) {
        for (JsonNode run : demo.get("runs")) {
            if (run.get("scenario").asText().equals(scenario) && run.get("mode").asText().equals(mode)) {
                return run;
            }
        }
        throw new AssertionError("no " + mode + " run of " + scenario + " in " + demo);
    }
}
