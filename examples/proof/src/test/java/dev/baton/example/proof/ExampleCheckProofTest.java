package dev.baton.example.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example's own build runs {@code baton-maven-plugin:check} (release N+1 against the committed lockfile
 * of release N) before this module is built. This reads the report it wrote and pins the findings: every
 * seed change N+1 makes is a finding, either needing a step or recognised as safe, and none is breaking.
 */
class ExampleCheckProofTest {

    @Test
    void theExamplesBuildFindsExactlyTheExpectedFindings() throws Exception {
        Path examples = Path.of(System.getProperty("baton.examples", "..")).toAbsolutePath().normalize();
        Path report = examples.resolve("shop-n1/target/baton-check.json");
        assertThat(report).as("written by baton-maven-plugin:check in examples/shop-n1's verify phase").exists();

        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        List<String> findings = new ArrayList<>();
        json.get("findings").forEach(f -> findings.add(f.get("rule").asText() + " " + f.get("type").asText() + " "
                + f.get("severity").asText()));

        // One finding per changed type, in report order (worst first, then by type): the seven seed changes.
        // The new type and the retirement need steps; the casters on user-confirmation and do-something (an
        // argument added, each raised to v2), the default of computePast, the alias of email-confirmation
        // and the queue move are safe.
        assertThat(findings).containsExactly(
                "type-retired cleanup-cache NEEDS_STEPS",
                "new-type export-report NEEDS_STEPS",
                "optional-field-added compute-foobar SAFE",
                "version-raised do-something SAFE",
                "type-renamed email-confirmation SAFE",
                "queue-changed send-newsletter SAFE",
                "version-raised user-confirmation SAFE");
        assertThat(json.get("failOn").asText()).isEqualTo("breaking");
        assertThat(json.get("exitCode").asInt()).as("needs-steps findings are warnings: the build passed").isZero();
        assertThat(json.get("findings").findValuesAsText("blocks")).containsOnly("false");
    }
}
