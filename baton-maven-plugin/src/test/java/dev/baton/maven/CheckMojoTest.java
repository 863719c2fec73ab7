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
    void withoutLockfileEveryTypeIsNewAsAWarningAndTheLogSaysHowToSnapshot() throws Exception {
        project.check("1.0").execute();

        assertThat(project.log.at("WARN")).containsExactly(
                "baton check: no lockfile at baton.lock.json: nothing to compare with yet, so every job type is new. "
                        + "Record this build's contracts with `mvn compile baton:snapshot` (or `baton snapshot "
                        + "--classpath target/classes --release 1.0`), commit the file, and later builds are checked "
                        + "against it.",
                "NEEDS_STEPS (2)",
                "[new-type] rebuild-index (new) v1 (new payload -> old worker): no release in the lockfile knows "
                        + "rebuild-index: jobs this build enqueues before a worker of it runs wait, stranded (never failed)",
                "  fix: deploy workers that handle rebuild-index before producers that enqueue it, or enqueue with "
                        + "WritePolicy.REQUIRE_CAPABLE_WORKER",
                "  1. deploy workers before producers, or enqueue with WritePolicy.REQUIRE_CAPABLE_WORKER [unknown]",
                "     gate: baton fleet",
                "[new-type] send-welcome (new) v1 (new payload -> old worker): no release in the lockfile knows "
                        + "send-welcome: jobs this build enqueues before a worker of it runs wait, stranded (never failed)",
                "  fix: deploy workers that handle send-welcome before producers that enqueue it, or enqueue with "
                        + "WritePolicy.REQUIRE_CAPABLE_WORKER",
                "  1. deploy workers before producers, or enqueue with WritePolicy.REQUIRE_CAPABLE_WORKER [unknown]",
                "     gate: baton fleet");
        assertThat(project.log.at("INFO")).contains("baton check: release 1.0", "0 breaking, 2 need steps, 0 safe",
                "check passed (fail-on breaking), with 2 warnings: follow their plans while deploying");
        assertThat(project.log.at("ERROR")).isEmpty();
        JsonNode report = project.reportJson();
        assertThat(report.get("exitCode").asInt()).isZero();
        assertThat(report.get("failOn").asText()).isEqualTo("breaking");
        assertThat(report.get("findings").findValuesAsText("rule")).containsExactly("new-type", "new-type");
        assertThat(report.get("findings").findValuesAsText("type")).containsExactly("rebuild-index", "send-welcome");
    }

    @Test
    void aBuildThatOnlyAddsANewTypePassesWithAWarning() throws Exception {
        project.snapshot("1.0").execute();
        project.compiled("v3");

        project.check("1.1").execute();

        assertThat(project.log.at("WARN")).contains("NEEDS_STEPS (1)")
                .anyMatch(l -> l.startsWith("[new-type] send-newsletter (new) v1 (new payload -> old worker): release "
                        + "1.0's workers do not know send-newsletter"));
        assertThat(project.log.at("ERROR")).isEmpty();
        assertThat(project.log.at("INFO")).contains("0 breaking, 1 need steps, 0 safe",
                "check passed (fail-on breaking), with 1 warning: follow its plan while deploying");
        assertThat(project.reportJson().get("exitCode").asInt()).isZero();
    }

    @Test
    void failOnNeedsStepsFailsOnAStepNotKnownToBeDone() {
        CheckMojo check = project.check("1.0");
        check.failOn = "needs-steps";

        assertThatThrownBy(check::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("baton check: 0 breaking, 2 need steps, 0 safe; blocking (failOn=needs-steps): new-type "
                        + "(rebuild-index), new-type (send-welcome); see target/baton-check.json");
        assertThat(project.log.at("ERROR")).contains("NEEDS_STEPS (2)",
                "check failed (fail-on needs-steps): new-type (rebuild-index), new-type (send-welcome)");
        assertThat(project.reportJson().get("exitCode").asInt()).isEqualTo(1);
    }

    @Test
    void failOnNeverOnlyLogsABreakingChange() throws Exception {
        project.snapshot("1.0").execute();
        project.compiled("v2");
        CheckMojo check = project.check("1.1");
        check.failOn = "never";

        check.execute();

        assertThat(project.log.at("ERROR")).as("breaking, if not failing").contains("BREAKING (1)");
        assertThat(project.log.at("INFO")).contains("check passed (fail-on never), reporting 1 breaking finding only");
        assertThat(project.reportJson().get("exitCode").asInt()).isZero();
    }

    @Test
    void aFailOnOfAnotherValueIsAnExecutionErrorNamingTheValues() {
        CheckMojo check = project.check("1.0");
        check.failOn = "sometimes";

        assertThatThrownBy(check::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("baton check: failOn: \"sometimes\" is not one of breaking, needs-steps, never");
        assertThat(project.report()).doesNotExist();
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedFailOnFindingsStillWorksAndSaysWhatToUse() throws Exception {
        CheckMojo lenient = project.check("1.0");
        lenient.failOnFindings = false;
        lenient.execute();

        assertThat(project.log.at("WARN")).contains("baton check: failOnFindings is deprecated: set failOn=never "
                + "(baton.failOn) instead of failOnFindings=false");

        CheckMojo strict = project.check("1.0");
        strict.failOnFindings = true;
        assertThatThrownBy(strict::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("blocking (failOn=needs-steps)");
        assertThat(project.log.at("WARN")).contains("baton check: failOnFindings is deprecated: set "
                + "failOn=needs-steps (baton.failOn) instead of failOnFindings=true");
    }

    @Test
    @SuppressWarnings("deprecation")
    void failOnAndTheDeprecatedFailOnFindingsTogetherAreRefused() {
        CheckMojo check = project.check("1.0");
        check.failOn = "breaking";
        check.failOnFindings = false;

        assertThatThrownBy(check::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("baton check: both failOn (breaking) and the deprecated failOnFindings (false) are set: "
                        + "drop failOnFindings");
    }

    @Test
    void afterSnapshotTheSameBuildPasses() throws Exception {
        project.snapshot("1.0").execute();
        assertThat(project.lockfile()).exists();

        project.check("1.0").execute();

        assertThat(project.log.at("INFO")).contains("baton check: release 1.0", "0 breaking, 0 need steps, 0 safe");
        assertThat(project.log.at("WARN")).isEmpty();
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
                .hasMessage("baton check: 1 breaking, 0 need steps, 0 safe; blocking (failOn=breaking): "
                        + "required-field-added (send-welcome); see target/baton-check.json");

        // The BREAKING group and the verdict are logged at ERROR, the rest (header, summary) at INFO.
        assertThat(project.log.at("ERROR")).containsExactly(
                "BREAKING (1)",
                "[required-field-added] send-welcome v1 -> v1 (old payload -> new worker): v1 payloads written by "
                        + "release 1.0 lack the required field urgent (boolean), so this build's workers would reject them",
                "  fix: add @Default(\"...\") to urgent or make it Optional, or raise send-welcome to version 2 with "
                        + "@Upcast(from = 1) supplying urgent",
                "check failed (fail-on breaking): required-field-added (send-welcome)");
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
