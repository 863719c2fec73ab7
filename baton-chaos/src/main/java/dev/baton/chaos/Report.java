package dev.baton.chaos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's results as a table for people and, with --json, one JSON object on the last line. */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param batonView Baton's own counts, shown beside the record's but never used for the verdict
     * @param workerLogs the worker logs' most frequent warnings, see {@link LogSummary}
     * @param notes what happened to the run that a reader should see (a skipped restart, a crashed worker)
     */
    record Inputs(ChaosResult result, Verdict verdict, Instant start,
            long committed, long failedBatches, long failedJobs, List<String> enqueueErrors, Drain.Outcome drain,
            List<String> batonView, List<String> workerLogs, List<String> notes) {}

    private Report() {}

    static void table(Inputs in, PrintStream out) {
        ChaosResult r = in.result();
        out.println();
        out.println("Faults (seconds on the database's clock since the first fault window opened):");
        out.printf("  %3s %7s  %-9s %-10s %8s %9s %6s %10s  %s%n", "#", "at", "kind", "node", "pid", "in flight",
                "reran", "rerun max", "detail");
        for (FaultResult f : r.faults()) {
            Fault fault = f.fault();
            String rerunMax = f.rerunMillis().isEmpty() ? "-"
                    : f.rerunMillis().stream().mapToLong(Long::longValue).max().getAsLong() + " ms";
            out.printf("  %3d %7.1f  %-9s %-10s %8s %9d %6s %10s  %s%n", fault.seq(),
                    Duration.between(in.start(), fault.at()).toMillis() / 1000.0, fault.kind().label(),
                    fault.nodeId() == null ? "-" : fault.nodeId(), fault.pid() == null ? "-" : fault.pid(), f.inFlight(),
                    fault.kind() == FaultKind.KILL ? String.valueOf(f.rerunMillis().size()) : "-", rerunMax,
                    fault.detail());
        }
        Percentiles k = r.killToRerun();
        out.println();
        out.println("Results, from the chaos_* tables only:");
        row(out, "jobs (enqueues committed)", r.jobs() + "   (producer saw " + in.committed() + " acknowledged)");
        row(out, "enqueue failures", in.failedBatches() + " transactions (" + in.failedJobs() + " jobs), rolled back"
                + (in.enqueueErrors().isEmpty() ? "" : "; for example " + in.enqueueErrors().get(0)));
        row(out, "faults", r.count(FaultKind.KILL) + " kills, " + r.count(FaultKind.TERMINATE) + " terminations, "
                + r.count(FaultKind.RESTART) + " restarts, " + r.count(FaultKind.PAUSE) + " pauses");
        row(out, "lost", r.lost() + (r.lost() == 0 ? "" : "   for example " + r.lostSample()));
        row(out, "duplicates, plain", r.duplicatesPlain() + "   (at most the jobs in flight at faults: "
                + r.inFlightAtFaults() + ")");
        row(out, "duplicates, tx", String.valueOf(r.duplicatesTx()));
        row(out, "effects of keys never enqueued", String.valueOf(r.phantoms()));
        row(out, "keys started more than once", String.valueOf(r.reruns()));
        row(out, "in flight at faults", r.inFlightAtFaults() + "   (" + inFlightByKind(r) + ")");
        row(out, "kill -> rerun", k.samples() == 0 ? "no samples"
                : "p50 " + k.p50() + " ms, p99 " + k.p99() + " ms, max " + k.max() + " ms (" + k.samples() + " jobs)");
        row(out, "drain after the producer stopped", in.drain().took().toSeconds() + "s, "
                + (in.drain().settled() ? "settled" : "NOT settled: " + in.drain().missing() + " keys without an effect, Baton "
                        + (in.drain().batonIdle() ? "idle" : "still has jobs waiting or running")));
        for (String key : r.mostDuplicated()) {
            row(out, "  duplicated", key);
        }
        out.println("Baton's own view (not used for the verdict): " + String.join("; ", in.batonView()));
        if (!in.workerLogs().isEmpty()) {
            out.println("Most frequent warnings and errors in the worker logs (numbers replaced by N):");
            in.workerLogs().forEach(line -> out.println("  " + line));
        }
        for (String note : in.notes()) {
            out.println("Note: " + note);
        }
        out.println();
        if (in.verdict().passed()) {
            out.println("PASSED: nothing lost, no transactional duplicate, plain duplicates within the jobs in flight at faults");
        } else {
            for (String failure : in.verdict().failures()) {
                out.println("FAILED: " + failure);
            }
        }
    }

    static String json(Inputs in) {
        ChaosResult r = in.result();
        Percentiles k = r.killToRerun();
        Map<String, Object> faults = new LinkedHashMap<>();
        faults.put("kills", r.count(FaultKind.KILL));
        faults.put("terminations", r.count(FaultKind.TERMINATE));
        faults.put("restarts", r.count(FaultKind.RESTART));
        faults.put("pauses", r.count(FaultKind.PAUSE));
        Map<String, Object> rerun = new LinkedHashMap<>();
        rerun.put("p50", k.p50());
        rerun.put("p99", k.p99());
        rerun.put("max", k.max());
        rerun.put("samples", k.samples());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobs", r.jobs());
        json.put("faults", faults);
        json.put("lost", r.lost());
        json.put("duplicatesPlain", r.duplicatesPlain());
        json.put("duplicatesTx", r.duplicatesTx());
        json.put("inFlightAtFaults", r.inFlightAtFaults());
        json.put("killToRerunMillis", rerun);
        json.put("enqueueFailures", in.failedBatches());
        json.put("phantoms", r.phantoms());
        json.put("passed", in.verdict().passed());
        json.put("failures", in.verdict().failures());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the JSON result", e);
        }
    }

    private static String inFlightByKind(ChaosResult r) {
        StringBuilder text = new StringBuilder();
        for (FaultKind kind : List.of(FaultKind.KILL, FaultKind.TERMINATE, FaultKind.RESTART, FaultKind.PAUSE)) {
            long n = r.faults().stream().filter(f -> f.fault().kind() == kind).mapToLong(FaultResult::inFlight).sum();
            text.append(text.length() == 0 ? "" : ", ").append(kind.label()).append(' ').append(n);
        }
        return text.toString();
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("  %-34s %s%n", name, value);
    }
}
