package dev.baton.cli;

import static dev.baton.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.cli.Cli.Result;
import dev.baton.cli.deploy.Mode;
import dev.baton.cli.deploy.ScenarioResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** demo and simulate without the example jars, and their table. The runs themselves: examples/proof. */
class DeployCommandsTest {

    @TempDir
    Path dir;

    @Test
    void helpListsDemoAndSimulate() {
        Result help = run("--help");

        assertThat(help.out()).contains("demo", "simulate");
    }

    @Test
    void demoWithoutTheExampleJarsSaysHowToBuildThem() {
        Result demo = run("demo", "--examples", dir.toString(), "--data", dir.resolve("data").toString());

        assertThat(demo.exitCode()).isEqualTo(3);
        assertThat(demo.err()).contains("shop-n.jar", "shop-n1.jar", "build them first: mvn -B -q package -DskipTests");
    }

    @Test
    void simulateWithoutTheExampleJarsSaysHowToBuildThem() {
        Result simulate = run("simulate", "--examples", dir.toString());

        assertThat(simulate.exitCode()).isEqualTo(3);
        assertThat(simulate.err()).contains("build them first: mvn -B -q package -DskipTests");
    }

    @Test
    void simulateTakesOneModeAtATime() {
        Result both = run("simulate", "--examples", dir.toString(), "--protected", "--unprotected");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    private static ScenarioResult result(String scenario, boolean protections, long failed, long dead) {
        return new ScenarioResult(scenario, protections ? Mode.PROTECTED : Mode.STRICT, 100, 100 - dead, failed, dead, 0, 0,
                0, 0, 0, 0, 0, protections ? 40 : 1200,
                0, "drained", 5, List.of(new ScenarioResult.TypeFailures("do-something", failed, dead,
                        "PayloadException: wrong number of arguments")).subList(0, failed > 0 ? 1 : 0), List.of(),
                List.of(), new ScenarioResult.TypeRuns("cleanup-cache", 10, 4, 6, 0));
    }

    @Test
    void theTableShowsProtectedBesideUnprotectedOneRowPerScenario() {
        DeployReport report = new DeployReport(List.of(result("web-first", true, 0, 0), result("web-first", false, 57, 46),
                result("rollback", true, 0, 0), result("rollback", false, 90, 72)));
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text, true));
        List<String> lines = text.toString().lines().toList();

        String titles = lines.get(1);
        String header = lines.get(2);
        assertThat(titles.indexOf("protected (Baton)")).isEqualTo(header.indexOf("FAILED"));
        assertThat(titles.indexOf("conventional, strict arguments")).isEqualTo(header.lastIndexOf("FAILED"));
        assertThat(lines.get(0)).as("said from the numbers").isEqualTo("What went wrong (with Baton, all 0):");
        assertThat(header).contains("COMPLETED UNRUN", "FIELDS LOST");
        assertThat(lines.get(3)).startsWith("web-first").contains("|")
                .endsWith("57      46    0         0           0     0           0                0");
        assertThat(lines.get(4)).startsWith("rollback");
        assertThat(text.toString()).contains("LONGEST WAIT", "40 ms", "1.2 s",
                "web-first (strict): do-something 57 failed, 46 dead: PayloadException: wrong number of arguments");
        assertThat(text.toString()).contains("IN FLIGHT AT KILL", "RUN AGAIN",
                "cleanup-cache, the job type N+1 deletes", "RUN ON N+1");
        assertThat(report.protectedClean()).isTrue();
        assertThat(report.unprotectedShowFailures()).isTrue();
    }

    @Test
    void theHeaderSaysSoWhenABatonRunIsNotClean() {
        DeployReport report = new DeployReport(List.of(result("web-first", true, 1, 0), result("web-first", false, 57, 46)));
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text, true));

        assertThat(text.toString().lines().findFirst()).hasValue("What went wrong (with Baton, 1 of 1 runs not clean):");
        assertThat(report.protectedClean()).isFalse();
    }
}
