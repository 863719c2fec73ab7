package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/check.md shows each rule with the output of {@link RuleTest}'s cases, and whole reports printed from
 * {@link ReportPrinterTest}'s: this keeps the page the same as what the checker prints. A rule's example is
 * the finding as the text report prints it, without the {@code warning: } mark that depends on
 * {@code --fail-on}. Skipped, saying so, when the module is built without the repository around it.
 */
class DocsExamplesTest {

    private static final Path DOC = Path.of("..", "docs", "check.md");

    /** The cases docs/check.md shows, by name. */
    static Stream<RuleTest.Case> documented() {
        List<String> names = List.of(
                "required field added", "optional field added", "required field removed", "optional field removed",
                "field renamed", "field widened", "field type changed", "required to optional, N workers live",
                "optional to required", "version raised with both casters", "version raised without upcaster",
                "version raised without upcaster, v1 drained", "upcaster removed", "upcaster removed, v1 waiting",
                "type removed", "retired type removed", "type retired", "type renamed without alias",
                "type renamed with its alias", "alias removed", "alias removed, jobs stored under it", "queue changed",
                "new type", "downcaster missing, N workers live", "rollback unsafe", "rollback unsafe, v2 jobs waiting",
                "version lowered", "a default changed", "an alias added", "a retirement undone");
        return RuleTest.cases().filter(c -> names.contains(c.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documented")
    void theDocShowsTheRulesOutput(RuleTest.Case c) throws IOException {
        assumeTrue(Files.isRegularFile(DOC), "docs/check.md is not next to this module: " + DOC.toAbsolutePath());

        assertThat(Files.readString(DOC)).contains("```\n" + block(c) + "```\n");
    }

    @Test
    void theDocShowsAFullReportAsTextAndJson() throws IOException {
        assumeTrue(Files.isRegularFile(DOC), "docs/check.md is not next to this module: " + DOC.toAbsolutePath());
        String doc = Files.readString(DOC);

        assertThat(doc).contains("```\n" + ReportPrinter.text(ReportPrinterTest.sample(), false) + "```\n");
        assertThat(doc).contains("```json\n" + ReportPrinter.json(ReportPrinterTest.sample()) + "```\n");
        assertThat(doc).as("first adoption").contains(ReportPrinter.text(ReportPrinterTest.newTypesOnly(), false)
                + "```\n");
    }

    /** The case's finding as the text report prints it. */
    static String block(RuleTest.Case c) {
        Finding finding = RuleTest.check(c.old(), c.now(), c.live()).findings().stream()
                .filter(f -> f.rule().equals(c.rule())).findFirst().orElseThrow();
        List<ReportPrinter.Line> lines = ReportPrinter.lines(new Report(RuleTest.BUILD, List.of(finding)), FailOn.NEVER);
        StringBuilder text = new StringBuilder();
        // After the title, a blank line and the group's header, up to the blank line that ends the group.
        for (ReportPrinter.Line line : lines.subList(3, lines.size())) {
            if (line.text().isEmpty()) {
                break;
            }
            text.append(line.text()).append('\n');
        }
        return text.toString();
    }
}
