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
 * seed change N+1 makes is either caught as needing a step or recognised as safe, and none is breaking.
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

        // The casters on user-confirmation and do-something, the alias of email-confirmation and the
        // retirement of cleanup-cache make those changes safe without a finding.
        assertThat(findings).containsExactlyInAnyOrder(
                "new-type export-report NEEDS_STEPS",
                "optional-field-added compute-foobar SAFE",
                "queue-changed send-newsletter SAFE");
        assertThat(json.get("exitCode").asInt()).as("the new type's step is not yet done").isEqualTo(1);
    }
}
