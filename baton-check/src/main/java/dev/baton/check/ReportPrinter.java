package dev.baton.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A report as people read it (text) and as tools read it (JSON). */
public final class ReportPrinter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final List<Severity> WORST_FIRST = List.of(Severity.BREAKING, Severity.NEEDS_STEPS, Severity.SAFE);

    private ReportPrinter() {}

    /** How a line of the text report is meant: what a Maven build logs it at. */
    public enum Level {
        /** A BREAKING finding, or one that fails the check, or whose plan the live store shows undone. */
        ERROR,
        /** A warning: a NEEDS_STEPS finding that does not fail the check ({@link Finding#warns(FailOn)}). */
        WARN,
        INFO
    }

    /**
     * One line of the text report.
     *
     * @param warning the first line of a warning finding: the text report starts it with {@code warning: }
     */
    public record Line(Level level, String text, boolean warning) {}

    /** {@link #text(Report, boolean, FailOn)} with the default {@link FailOn#BREAKING}. */
    public static String text(Report report, boolean colour) {
        return text(report, colour, FailOn.DEFAULT);
    }

    /**
     * Findings grouped by severity, BREAKING first, each with its fix and numbered plan; then the summary line
     * and whether the check passes under {@code failOn}. A warning's first line starts with {@code warning: }.
     *
     * @param colour whether to use ANSI colours (for a terminal; never in files or CI logs that do not render them)
     */
    public static String text(Report report, boolean colour, FailOn failOn) {
        Paint paint = new Paint(colour);
        StringBuilder out = new StringBuilder();
        for (Line line : lines(report, failOn, paint)) {
            out.append(line.warning() ? paint.apply(BOLD + YELLOW, "warning:") + " " : "").append(line.text())
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * The text report without colour, line by line, each with the level it is meant at, for a build log: the
     * BREAKING group and findings that fail the check at ERROR, warnings at WARN, the rest at INFO.
     */
    public static List<Line> lines(Report report, FailOn failOn) {
        return lines(report, failOn, new Paint(false));
    }

    private static List<Line> lines(Report report, FailOn failOn, Paint paint) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Level.INFO, "baton check: release " + report.release(), false));
        for (Severity severity : WORST_FIRST) {
            List<Finding> group = report.findings().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            Level header = group.stream().map(f -> level(f, failOn)).min(Comparator.naturalOrder()).orElseThrow();
            lines.add(new Line(Level.INFO, "", false));
            lines.add(new Line(header, paint.apply(BOLD + colourOf(severity), severity.name() + " (" + group.size()
                    + ")"), false));
            group.forEach(finding -> finding(lines, finding, level(finding, failOn), paint));
        }
        lines.add(new Line(Level.INFO, "", false));
        lines.add(new Line(Level.INFO, summary(report), false));
        lines.add(new Line(report.exitCode(failOn) == 0 ? Level.INFO : Level.ERROR, verdict(report, failOn), false));
        return lines;
    }

    /** The level a finding is logged at under {@code failOn}. */
    public static Level level(Finding finding, FailOn failOn) {
        if (finding.severity() == Severity.BREAKING || finding.blocks(failOn) || finding.unsatisfied()) {
            return Level.ERROR;
        }
        return finding.warns(failOn) ? Level.WARN : Level.INFO;
    }

    /**
     * {@code check passed (fail-on breaking), with 2 warnings: follow their plans while deploying} or
     * {@code check failed (fail-on breaking): required-field-added (compute-foobar)}.
     */
    public static String verdict(Report report, FailOn failOn) {
        String how = " (fail-on " + failOn.label() + ")";
        if (report.exitCode(failOn) != 0) {
            return "check failed" + how + ": " + blockingNames(report, failOn);
        }
        int warnings = report.warnings(failOn).size();
        long breaking = report.count(Severity.BREAKING);
        String passed = "check passed" + how;
        if (breaking > 0) {
            passed += ", reporting " + breaking + " breaking finding" + (breaking == 1 ? "" : "s") + " only";
        }
        if (warnings > 0) {
            passed += (breaking > 0 ? " and " : ", with ") + warnings + " warning" + (warnings == 1 ? "" : "s")
                    + ": follow " + (warnings == 1 ? "its plan" : "their plans") + " while deploying";
        }
        return passed;
    }

    /**
     * The findings that fail the check, by rule and type, at most five, such as
     * {@code required-field-added (compute-foobar), upcaster-removed (user-confirmation)}.
     */
    public static String blockingNames(Report report, FailOn failOn) {
        List<String> names = report.blocking(failOn).stream()
                .map(f -> f.rule() + " (" + f.type() + ")")
                .distinct()
                .toList();
        int shown = Math.min(names.size(), 5);
        String listed = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? listed + " and " + (names.size() - shown) + " more" : listed;
    }

    /** {@link #json(Report, FailOn)} with the default {@link FailOn#BREAKING}. */
    public static String json(Report report) {
        return json(report, FailOn.DEFAULT);
    }

    /**
     * Stable JSON: keys sorted, findings in report order, absent values as null; ends with a newline. Each
     * finding says whether it {@code blocks} under {@code failOn}, and {@code exitCode} is the check's.
     */
    public static String json(Report report, FailOn failOn) {
        ObjectNode root = StableJson.NODES.objectNode();
        root.put("release", report.release());
        root.put("failOn", failOn.label());
        root.put("exitCode", report.exitCode(failOn));
        ObjectNode summary = root.putObject("summary");
        summary.put("breaking", report.count(Severity.BREAKING));
        summary.put("needsSteps", report.count(Severity.NEEDS_STEPS));
        summary.put("safe", report.count(Severity.SAFE));
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("rule", finding.rule());
            node.put("severity", finding.severity().name());
            node.put("blocks", finding.blocks(failOn));
            node.put("type", finding.type());
            node.put("fromVersion", finding.fromVersion());
            node.put("toVersion", finding.toVersion());
            node.put("direction", finding.direction().name());
            node.put("field", finding.field());
            node.put("explanation", finding.explanation());
            node.put("fix", finding.fix());
            ArrayNode plan = node.putArray("plan");
            for (Step step : finding.plan()) {
                ObjectNode stepNode = plan.addObject();
                stepNode.put("action", step.action());
                stepNode.put("gate", step.gate());
                stepNode.put("satisfied", step.satisfied());
            }
        }
        return StableJson.pretty(root);
    }

    /** {@code 1 breaking, 2 need steps, 3 safe}. */
    public static String summary(Report report) {
        return report.count(Severity.BREAKING) + " breaking, " + report.count(Severity.NEEDS_STEPS) + " need steps, "
                + report.count(Severity.SAFE) + " safe";
    }

    private static void finding(List<Line> lines, Finding finding, Level level, Paint paint) {
        StringBuilder head = new StringBuilder();
        head.append(paint.apply(colourOf(finding.severity()), "[" + finding.rule() + "]")).append(' ')
                .append(finding.type()).append(versions(finding));
        if (finding.direction() != Direction.NONE) {
            head.append(" (").append(finding.direction().describe()).append(')');
        }
        head.append(": ").append(finding.explanation());
        lines.add(new Line(level, head.toString(), level == Level.WARN));
        if (finding.fix() != null) {
            lines.add(new Line(level, "  fix: " + finding.fix(), false));
        }
        int number = 1;
        for (Step step : finding.plan()) {
            lines.add(new Line(level, "  " + number++ + ". " + step.action() + " " + status(step.satisfied(), paint),
                    false));
            if (step.gate() != null) {
                lines.add(new Line(level, "     gate: " + step.gate(), false));
            }
        }
    }

    private static String versions(Finding finding) {
        Integer from = finding.fromVersion();
        Integer to = finding.toVersion();
        if (from != null && to != null) {
            return " v" + from + " -> v" + to;
        }
        if (to != null) {
            return " (new) v" + to;
        }
        return from == null ? "" : " v" + from + " -> (gone)";
    }

    private static String status(Boolean satisfied, Paint paint) {
        if (satisfied == null) {
            return paint.apply(YELLOW, "[unknown]");
        }
        return satisfied ? paint.apply(GREEN, "[done]") : paint.apply(RED, "[not yet]");
    }

    private static String colourOf(Severity severity) {
        return switch (severity) {
            case BREAKING -> RED;
            case NEEDS_STEPS -> YELLOW;
            case SAFE -> GREEN;
        };
    }

    private record Paint(boolean on) {
        String apply(String code, String text) {
            return on ? code + text + RESET : text;
        }
    }
}
