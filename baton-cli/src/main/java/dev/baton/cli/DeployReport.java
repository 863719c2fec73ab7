package dev.baton.cli;

import dev.baton.cli.deploy.Mode;
import dev.baton.cli.deploy.ScenarioResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The side-by-side tables of {@code demo} and {@code simulate}: one row per scenario, protected beside unprotected. */
final class DeployReport {

    private final List<ScenarioResult> results;
    private final List<String> scenarios;
    private final List<Mode> modes;

    DeployReport(List<ScenarioResult> results) {
        this.results = List.copyOf(results);
        Set<String> names = new LinkedHashSet<>();
        Set<Mode> present = new java.util.TreeSet<>();
        results.forEach(r -> {
            names.add(r.scenario());
            present.add(r.runMode());
        });
        this.scenarios = List.copyOf(names);
        this.modes = List.copyOf(present); // Baton first, then the baselines
    }

    /** Every protected run clean. */
    boolean protectedClean() {
        return results.stream().filter(ScenarioResult::protections).allMatch(ScenarioResult::clean);
    }

    /** Every unprotected run failed, died or stranded something: the failures the protections prevent. */
    boolean unprotectedShowFailures() {
        return results.stream().filter(r -> !r.protections()).allMatch(ScenarioResult::showsFailures);
    }

    void print(PrintWriter out) {
        out.println("What went wrong (" + protectedSummary() + "):");
        printGrouped(out, List.of("FAILED", "DEAD", "STRANDED", "UNFINISHED", "LOST", "DUPLICATES", "COMPLETED UNRUN",
                "FIELDS LOST"), r -> List.of(
                String.valueOf(r.failed()), String.valueOf(r.dead()), String.valueOf(r.stranded()),
                String.valueOf(r.unfinished()), String.valueOf(r.lost()), String.valueOf(r.duplicates()),
                String.valueOf(r.completedUnrun()), String.valueOf(r.fieldsLost())));
        out.println();
        out.println("Traffic:");
        printGrouped(out, List.of("ENQUEUED", "COMPLETED", "LONGEST WAIT", "IN FLIGHT AT KILL", "RUN AGAIN"),
                r -> List.of(String.valueOf(r.enqueued()), String.valueOf(r.completed()),
                        duration(r.longestWaitMillis()), String.valueOf(r.inFlightAtKills()),
                        String.valueOf(r.rerunAfterKills())));
        deletedTypeName().ifPresent(type -> {
            out.println();
            out.println(type + ", the job type N+1 deletes (its handler kept until drained), by whose handler ran it:");
            printGrouped(out, List.of("ENQUEUED", "RUN ON N", "RUN ON N+1", "COMPLETED UNRUN"), r -> List.of(
                    String.valueOf(r.deletedType().enqueued()), String.valueOf(r.deletedType().runOnN()),
                    String.valueOf(r.deletedType().runOnN1()), String.valueOf(r.deletedType().completedUnrun())));
        });
        List<String> failures = failureLines();
        if (!failures.isEmpty()) {
            out.println();
            out.println("What failed (first error per job type) and what was left:");
            failures.forEach(out::println);
        }
    }

    private Optional<String> deletedTypeName() {
        return results.stream().map(r -> r.deletedType().type()).findFirst();
    }

    /** Said from the numbers: "with Baton, all 0" only when every protected count is 0. */
    private String protectedSummary() {
        List<ScenarioResult> runs = results.stream().filter(ScenarioResult::protections).toList();
        if (runs.isEmpty()) {
            return "no run with Baton";
        }
        long unclean = runs.stream().filter(r -> !r.clean()).count();
        return unclean == 0 ? "with Baton, all 0" : "with Baton, " + unclean + " of " + runs.size() + " runs not clean";
    }

    private void printGrouped(PrintWriter out, List<String> columns,
            java.util.function.Function<ScenarioResult, List<String>> cells) {
        List<String> header = new ArrayList<>();
        header.add("SCENARIO");
        List<Integer> groupStarts = new ArrayList<>();
        for (int m = 0; m < modes.size(); m++) {
            if (m > 0) {
                header.add("|");
            }
            groupStarts.add(header.size());
            header.addAll(columns);
        }
        Table table = new Table(header.toArray(String[]::new));
        for (String scenario : scenarios) {
            List<String> row = new ArrayList<>();
            row.add(scenario);
            for (int m = 0; m < modes.size(); m++) {
                if (m > 0) {
                    row.add("|");
                }
                Optional<ScenarioResult> result = find(scenario, modes.get(m));
                row.addAll(result.map(cells).orElse(columns.stream().map(c -> "-").toList()));
            }
            table.add(row.toArray(String[]::new));
        }
        StringBuilder titles = new StringBuilder();
        for (int m = 0; m < modes.size(); m++) {
            int offset = table.offset(groupStarts.get(m));
            titles.append(" ".repeat(Math.max(1, offset - titles.length())));
            titles.append(modes.get(m).title());
        }
        out.println(titles);
        table.print(out);
    }

    private List<String> failureLines() {
        List<String> lines = new ArrayList<>();
        for (Mode mode : modes) {
            for (String scenario : scenarios) {
                find(scenario, mode).ifPresent(r -> {
                    r.failures().forEach(f -> lines.add("  " + scenario + " (" + r.mode() + "): " + f.type() + " "
                            + f.failed() + " failed" + (f.dead() > 0 ? ", " + f.dead() + " dead" : "") + ": "
                            + f.firstError()));
                    r.unfinishedJobs().forEach(u -> lines.add("  " + scenario + " (" + r.mode() + "): " + u.type()
                            + " v" + u.version() + " on queue " + u.queue() + ": " + u.count() + " left " + u.state()
                            + r.strandedJobs().stream().filter(s -> s.type().equals(u.type())
                                    && s.version() == u.version() && s.queue().equals(u.queue()))
                                    .map(s -> ", stranded: " + s.explanation()).findFirst()
                                    .orElse(u.state().equals("retrying") ? ", waiting for its next retry"
                                            : ", never taken by the final fleet")));
                });
            }
        }
        return lines;
    }

    private Optional<ScenarioResult> find(String scenario, Mode mode) {
        return results.stream().filter(r -> r.scenario().equals(scenario) && r.runMode() == mode).findFirst();
    }

    /** The runs as JSON objects: every measured count, with {@code mode} spelled out. */
    List<Map<String, Object>> json() {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (ScenarioResult r : results) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("scenario", r.scenario());
            run.put("mode", r.mode());
            run.put("protected", r.protections());
            run.put("enqueued", r.enqueued());
            run.put("completed", r.completed());
            run.put("failed", r.failed());
            run.put("dead", r.dead());
            run.put("stranded", r.stranded());
            run.put("lost", r.lost());
            run.put("duplicates", r.duplicates());
            run.put("inFlightAtKills", r.inFlightAtKills());
            run.put("rerunAfterKills", r.rerunAfterKills());
            run.put("completedUnrun", r.completedUnrun());
            Map<String, Object> deleted = new LinkedHashMap<>();
            deleted.put("type", r.deletedType().type());
            deleted.put("enqueued", r.deletedType().enqueued());
            deleted.put("runOnN", r.deletedType().runOnN());
            deleted.put("runOnN1", r.deletedType().runOnN1());
            deleted.put("completedUnrun", r.deletedType().completedUnrun());
            run.put("deletedType", deleted);
            run.put("fieldsLost", r.fieldsLost());
            run.put("longestWaitMillis", r.longestWaitMillis());
            run.put("unfinished", r.unfinished());
            run.put("drain", r.drain());
            run.put("drainMillis", r.drainMillis());
            run.put("clean", r.clean());
            run.put("failures", r.failures());
            run.put("strandedJobs", r.strandedJobs());
            run.put("unfinishedJobs", r.unfinishedJobs());
            runs.add(run);
        }
        return runs;
    }

    static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
