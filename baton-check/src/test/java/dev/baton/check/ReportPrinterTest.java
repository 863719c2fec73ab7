package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
                .endsWith("1 breaking, 2 need steps, 0 safe\ncheck failed (fail-on breaking): required-field-added "
                        + "(compute-foobar), new-type (send-newsletter)\n");
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
        assertThat(root.get("failOn").asText()).isEqualTo("breaking");
        assertThat(root.get("findings").findValuesAsText("blocks")).containsExactly("true", "true", "false");
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
                + "0 safe\ncheck passed (fail-on breaking)\n");
        assertThat(report.exitCode(FailOn.NEEDS_STEPS)).isZero();
    }

    /** A first check: only new types, whose steps nothing answers. */
    static Report newTypesOnly() {
        return Checker.check(ContractSet.of(RuleTest.BUILD, List.of(Fixtures.NewType.New.class,
                Fixtures.RequiredFieldAdded.New.class)), Lockfile.empty(), null);
    }

    @Test
    void needsStepsFindingsThatDoNotFailAreWarnings() {
        String text = ReportPrinter.text(newTypesOnly(), false, FailOn.BREAKING);

        assertThat(text).contains("NEEDS_STEPS (2)\nwarning: [new-type] compute-foobar (new) v1",
                "\nwarning: [new-type] send-newsletter (new) v1")
                .endsWith("0 breaking, 2 need steps, 0 safe\ncheck passed (fail-on breaking), with 2 warnings: follow "
                        + "their plans while deploying\n");
        assertThat(ReportPrinter.text(newTypesOnly(), true, FailOn.BREAKING)).contains("\u001b[1m\u001b[33mwarning:");
    }

    @Test
    void underNeedsStepsTheSameFindingsFailAndAreNoWarnings() {
        String text = ReportPrinter.text(newTypesOnly(), false, FailOn.NEEDS_STEPS);

        assertThat(text).doesNotContain("warning:").endsWith("check failed (fail-on needs-steps): new-type "
                + "(compute-foobar), new-type (send-newsletter)\n");
    }

    @Test
    void underNeverBreakingFindingsAreReportedOnly() {
        Report report = RuleTest.check(List.of(Fixtures.RequiredFieldAdded.Old.class),
                List.of(Fixtures.RequiredFieldAdded.New.class), null);

        assertThat(report.exitCode(FailOn.NEVER)).isZero();
        assertThat(ReportPrinter.text(report, false, FailOn.NEVER)).endsWith("check passed (fail-on never), reporting 1 "
                + "breaking finding only\n");
    }

    @Test
    void linesCarryTheLevelABuildLogsThemAt() {
        List<ReportPrinter.Line> lines = ReportPrinter.lines(sample(), FailOn.BREAKING);

        // BREAKING, and new-type whose step the live store shows undone: ERROR. upcaster-removed, done: WARN.
        assertThat(lines).filteredOn(l -> l.text().startsWith("["))
                .extracting(l -> l.text().substring(0, l.text().indexOf(']') + 1), ReportPrinter.Line::level)
                .containsExactly(tuple("[required-field-added]", ReportPrinter.Level.ERROR),
                        tuple("[new-type]", ReportPrinter.Level.ERROR),
                        tuple("[upcaster-removed]", ReportPrinter.Level.WARN));
        assertThat(lines).filteredOn(l -> l.text().isEmpty()).extracting(ReportPrinter.Line::level)
                .containsOnly(ReportPrinter.Level.INFO);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(new ReportPrinter.Line(ReportPrinter.Level.ERROR,
                "check failed (fail-on breaking): required-field-added (compute-foobar), new-type (send-newsletter)",
                false));
    }
}
