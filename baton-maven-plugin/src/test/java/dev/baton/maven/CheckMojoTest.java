package dev.baton.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMojoTest {

    @TempDir
    Path dir;

    FixtureProject project;

    @BeforeEach
    void setUp() {
        project = new FixtureProject(dir).compiled("v1");
    }

    @Test
    void withoutLockfileEveryTypeIsNewAndTheBuildFails() throws IOException {
        assertThatThrownBy(() -> project.check("1.0").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("baton check: 0 breaking, 2 need steps, 0 safe; blocking: new-type (rebuild-index), "
                        + "new-type (send-welcome); see target/baton-check.json");

        assertThat(project.log.at("INFO")).contains(
                "baton check: release 1.0",
                "NEEDS_STEPS (2)",
                "  1. deploy workers before producers, or enqueue with WritePolicy.REQUIRE_CAPABLE_WORKER [unknown]",
                "0 breaking, 2 need steps, 0 safe");
        assertThat(project.log.at("INFO")).anyMatch(l -> l.startsWith("[new-type] send-welcome (new) v1"));
        assertThat(project.log.at("ERROR")).isEmpty();
        JsonNode report = project.reportJson();
        assertThat(report.get("exitCode").asInt()).isEqualTo(1);
        assertThat(report.get("findings").findValuesAsText("rule")).containsExactly("new-type", "new-type");
        assertThat(report.get("findings").findValuesAsText("type")).containsExactly("rebuild-index", "send-welcome");
    }

    @Test
    void failOnFindingsFalseOnlyWarns() throws Exception {
        CheckMojo check = project.check("1.0");
        check.failOnFindings = false;

        check.execute();

        assertThat(project.log.at("WARN")).containsExactly("baton check: 0 breaking, 2 need steps, 0 safe; blocking: "
                + "new-type (rebuild-index), new-type (send-welcome); see target/baton-check.json "
                + "(not failing: baton.failOnFindings is false)");
        assertThat(project.report()).exists();
    }

    @Test
    void afterSnapshotTheSameBuildPasses() throws Exception {
        project.snapshot("1.0").execute();
        assertThat(project.lockfile()).exists();

        project.check("1.0").execute();

        assertThat(project.log.at("INFO")).contains("baton check: release 1.0", "0 breaking, 0 need steps, 0 safe");
        JsonNode report = project.reportJson();
        assertThat(report.get("exitCode").asInt()).isZero();
        assertThat(report.get("findings")).isEmpty();
    }

    @Test
    void aBreakingChangeFailsNamingTheRuleAndTheReport() throws Exception {
        project.snapshot("1.0").execute();
        project.compiled("v2");

        assertThatThrownBy(() -> project.check("1.1").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("baton check: 1 breaking, 0 need steps, 0 safe; blocking: required-field-added "
                        + "(send-welcome); see target/baton-check.json");

        // The BREAKING group is logged at ERROR, the rest (header, summary) at INFO.
        assertThat(project.log.at("ERROR")).containsExactly(
                "BREAKING (1)",
                "[required-field-added] send-welcome v1 -> v1 (old payload -> new worker): v1 payloads written by "
                        + "release 1.0 lack the required field urgent (boolean), so this build's workers would reject them",
                "  fix: add @Default(\"...\") to urgent or make it Optional, or raise send-welcome to version 2 with "
                        + "@Upcast(from = 1) supplying urgent");
        assertThat(project.log.at("INFO")).contains("baton check: release 1.1", "1 breaking, 0 need steps, 0 safe");
        JsonNode report = project.reportJson();
        assertThat(report.get("exitCode").asInt()).isEqualTo(1);
        JsonNode finding = report.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("required-field-added");
        assertThat(finding.get("severity").asText()).isEqualTo("BREAKING");
        assertThat(finding.get("field").asText()).isEqualTo("urgent");
    }

    @Test
    void aRecordTheRuntimeWouldRefuseFailsWithItsMessage() {
        project.compiled("invalid");

        assertThatThrownBy(() -> project.check("1.0").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("baton check: ")
                .hasMessageContaining("NotARecord");
        assertThat(project.report()).doesNotExist();
    }

    @Test
    void anUnreadableLockfileIsAnExecutionError() throws IOException {
        Files.writeString(project.lockfile(), "{ \"format\": 99, \"releases\": [] }");

        assertThatThrownBy(() -> project.check("1.0").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("cannot use the lockfile")
                .hasMessageContaining("format 99");
    }

    @Test
    void skipDoesNothing() throws Exception {
        CheckMojo check = project.check("1.0");
        check.skip = true;

        check.execute();

        assertThat(project.report()).doesNotExist();
        assertThat(project.log.at("INFO")).containsExactly("baton check: skipped (baton.skip)");
    }

    @Test
    void aProjectWithoutClassesHasNothingToCheck() throws Exception {
        CheckMojo check = project.check("1.0");
        check.outputDirectory = dir.resolve("no-such-dir").toFile();

        check.execute();

        assertThat(project.report()).doesNotExist();
        assertThat(project.log.at("INFO")).singleElement().asString().contains("no compiled classes");
    }
}
