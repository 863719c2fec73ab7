package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BatonCliTest {

    @TempDir
    Path data;

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BatonCli()).setExecutionExceptionHandler(new ErrorHandler());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Result result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("sample", "status", "jobs", "schema", "fleet", "versions", "drained",
                "stranded", "purge", "restore", "queues");
    }

    @Test
    void schemaPrintsTheMigrationSqlForEachDialect() {
        Result postgres = run("schema", "--sql");
        Result h2 = run("schema", "--sql", "--dialect", "H2");

        assertThat(postgres.exitCode()).isZero();
        assertThat(postgres.out()).containsIgnoringCase("create table").contains("baton_jobs", "baton_schema_version");
        assertThat(h2.out()).containsIgnoringCase("create table").contains("baton_jobs");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result result = run("launch-rockets");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("launch-rockets");
    }

    @Test
    void sampleRunsEveryJobToCompletionOnTheEmbeddedStore() throws Exception {
        Result sample = run("sample", "--data", data.toString(), "--emails", "5", "--json");

        assertThat(sample.exitCode()).as(sample.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(sample.out());
        assertThat(summary.get("jobs").asInt()).isEqualTo(5 + 3 + 1 + 1);
        assertThat(summary.get("byTypeAndState").get("welcome-email").get("completed").asInt()).isEqualTo(6);
        assertThat(summary.get("byTypeAndState").get("resize-image").get("completed").asInt()).isEqualTo(3);
        assertThat(summary.get("byTypeAndState").get("sync-account").get("completed").asInt()).isEqualTo(1);

        Result status = run("status", "--data", data.toString(), "--json");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("sync-account");

        Result jobs = run("jobs", "--data", data.toString(), "--type", "sync-account");
        assertThat(jobs.exitCode()).isZero();
        assertThat(jobs.out()).contains("sync-account", "completed", "2/20");
    }

    @Test
    void jobsRejectsAnUnknownState() {
        Result result = run("jobs", "--data", data.toString(), "--state", "exploded");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--state exploded is not a state");
    }
}
