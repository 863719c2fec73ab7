package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {

    static Report sample() {
        return RuleTest.check(List.of(Fixtures.RequiredFieldAdded.Old.class, Fixtures.UpcasterRemoved.Old.class),
                List.of(Fixtures.RequiredFieldAdded.New.class, Fixtures.UpcasterRemoved.New.class,
                        Fixtures.NewType.New.class),
                Live.of(List.of(Live.worker(RuleTest.N, Live.reads("user-confirmation", 1, 2))),
                        List.of(Live.waiting("user-confirmation", 2, 4))));
    }

    @Test
    void textWithoutColourHasNoEscape() {
        String text = ReportPrinter.text(sample(), false);

        assertThat(text).doesNotContain("\u001b")
                .contains("BREAKING (1)", "NEEDS_STEPS (2)", "[required-field-added] compute-foobar v1 -> v1 "
                        + "(old payload -> new worker): ", "  fix: add @Default(\"...\") to computePast",
                        "gate: baton drained user-confirmation --below 2", "[done]", "[not yet]")
                .endsWith("1 breaking, 2 need steps, 0 safe\n");
        assertThat(text.indexOf("BREAKING")).isLessThan(text.indexOf("NEEDS_STEPS"));
    }

    @Test
    void textWithColourHasEscapes() {
        assertThat(ReportPrinter.text(sample(), true)).contains("\u001b[31m", "\u001b[0m");
    }

    @Test
    void jsonParsesAndIsStable() throws Exception {
        Report report = sample();

        String json = ReportPrinter.json(report);
        JsonNode root = new JsonMapper().readTree(json);

        assertThat(json).isEqualTo(ReportPrinter.json(sample())).endsWith("}\n");
        assertThat(root.get("exitCode").asInt()).isEqualTo(1);
        assertThat(root.get("summary").get("breaking").asInt()).isEqualTo(1);
        assertThat(root.get("findings")).hasSize(report.findings().size());
        JsonNode first = root.get("findings").get(0);
        assertThat(first.get("rule").asText()).isEqualTo("required-field-added");
        assertThat(first.get("field").asText()).isEqualTo("computePast");
        assertThat(first.has("plan")).isTrue();
        List<String> keys = new java.util.ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted();
    }

    @Test
    void anEmptyReportSaysSo() {
        Report report = new Report("r1", List.of());

        assertThat(ReportPrinter.text(report, false)).isEqualTo("baton check: release r1\n\n0 breaking, 0 need steps, "
                + "0 safe\n");
        assertThat(report.exitCode()).isZero();
    }
}
