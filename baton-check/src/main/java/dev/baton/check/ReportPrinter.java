package dev.baton.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * Findings grouped by severity, BREAKING first, each with its fix and numbered plan, then a summary line.
     *
     * @param colour whether to use ANSI colours (for a terminal; never in files or CI logs that do not render them)
     */
    public static String text(Report report, boolean colour) {
        Paint paint = new Paint(colour);
        StringBuilder out = new StringBuilder();
        out.append("baton check: release ").append(report.release()).append('\n');
        for (Severity severity : WORST_FIRST) {
            List<Finding> group = report.findings().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append('\n').append(paint.apply(BOLD + colourOf(severity), severity.name() + " (" + group.size() + ")"))
                    .append('\n');
            group.forEach(finding -> finding(out, finding, paint));
        }
        out.append('\n').append(summary(report)).append('\n');
        return out.toString();
    }

    /** Stable JSON: keys sorted, findings in report order, absent values as null; ends with a newline. */
    public static String json(Report report) {
        ObjectNode root = StableJson.NODES.objectNode();
        root.put("release", report.release());
        root.put("exitCode", report.exitCode());
        ObjectNode summary = root.putObject("summary");
        summary.put("breaking", report.count(Severity.BREAKING));
        summary.put("needsSteps", report.count(Severity.NEEDS_STEPS));
        summary.put("safe", report.count(Severity.SAFE));
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("rule", finding.rule());
            node.put("severity", finding.severity().name());
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

    private static void finding(StringBuilder out, Finding finding, Paint paint) {
        out.append(paint.apply(colourOf(finding.severity()), "[" + finding.rule() + "]")).append(' ')
                .append(finding.type()).append(versions(finding));
        if (finding.direction() != Direction.NONE) {
            out.append(" (").append(finding.direction().describe()).append(')');
        }
        out.append(": ").append(finding.explanation()).append('\n');
        if (finding.fix() != null) {
            out.append("  fix: ").append(finding.fix()).append('\n');
        }
        int number = 1;
        for (Step step : finding.plan()) {
            out.append("  ").append(number++).append(". ").append(step.action()).append(' ')
                    .append(status(step.satisfied(), paint)).append('\n');
            if (step.gate() != null) {
                out.append("     gate: ").append(step.gate()).append('\n');
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
