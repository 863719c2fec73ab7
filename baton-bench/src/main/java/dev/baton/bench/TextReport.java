package dev.baton.bench;

import dev.baton.bench.Results.BenchResult;
import dev.baton.bench.Results.Costs;
import dev.baton.bench.Results.Drain;
import dev.baton.bench.Results.Latency;
import dev.baton.bench.Results.RawDrain;
import dev.baton.bench.Results.Rate;
import dev.baton.bench.Results.StoreResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The text output: per store, each Baton figure beside the raw reference's and their ratio. */
final class TextReport {

    private static final String ROW = "%-40s %-28s %-28s %s%n";
    private static final String COST_ROW = "%-40s %-16s %-16s %s%n";

    private TextReport() {}

    static void print(BenchResult result, PrintWriter out) {
        BenchSettings s = result.settings();
        out.printf(Locale.ROOT, "baton bench: N = %s no-op jobs, %d workers, %s jobs per enqueueAll, %s scheduled rows;"
                + " %s, %d cores%n", Text.count(s.jobs()), s.workers(), Text.count(s.chunk()),
                Text.count(s.scheduledRows()), result.machine().java(), result.machine().cores());
        for (StoreResult store : result.stores().values()) {
            out.println();
            print(store, s, out);
        }
        out.println();
        out.println(result.errors().isEmpty() ? "No errors." : result.errors().size() + " errors (above).");
        out.flush();
    }

    private static void print(StoreResult r, BenchSettings s, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %s; median of %d run%s%n", r.store(), r.location(), r.runs(), r.runs() == 1 ? "" : "s");
        out.printf(Locale.ROOT, ROW, "", "Baton", "raw JDBC", "ratio");
        out.printf(Locale.ROOT, ROW, "bulk enqueue", rate(r.enqueue(), "jobs/s"), rate(r.rawEnqueue(), "rows/s"),
                Text.ratio(r.ratios().enqueue()));
        out.printf(Locale.ROOT, ROW, "drain, completed jobs kept", rate(r.drain().rate(), "jobs/s"),
                rate(r.rawDrain().rate(), "rows/s"), Text.ratio(r.ratios().drain()));
        out.printf(Locale.ROOT, ROW, "drain, deleted on completion", rate(r.drainDeleteOnComplete().rate(), "jobs/s"),
                rate(r.rawDrain().rate(), "rows/s"), Text.ratio(r.ratios().drainDeleteOnComplete()));
        out.printf(Locale.ROOT, ROW, "drain beside " + Text.count(s.scheduledRows()) + " scheduled rows",
                rate(r.drainScheduled().rate(), "jobs/s"), rate(r.rawDrainScheduled().rate(), "rows/s"),
                Text.ratio(r.ratios().drainScheduled()) + "   (" + Text.ratio(r.ratios().scheduledVsEmpty())
                        + " of the drain without them)");
        out.println();
        out.printf(Locale.ROOT, COST_ROW, "per job in the drain", "transactions", "JVM CPU",
                r.store().equals("h2") ? "database CPU" : "PostgreSQL CPU");
        cost(out, "drain, completed jobs kept", r.drain());
        cost(out, "drain, deleted on completion", r.drainDeleteOnComplete());
        cost(out, "drain beside scheduled rows", r.drainScheduled());
        cost(out, "raw drain", r.rawDrain());
        cost(out, "raw drain beside scheduled rows", r.rawDrainScheduled());
        out.println();
        latency(out, "latency from idle, " + Text.count(r.latencyIdle().expected()) + " samples", r.latencyIdle());
        Latency rate = r.latencyAtRate();
        latency(out, String.format(Locale.ROOT, "latency at %s jobs/s (%s jobs, %s/s reached)", Text.count(s.rate()),
                Text.count(rate.sent()), Text.count(rate.ratePerSecond())), rate);
        out.println("  enqueued by " + r.latencyIdle().producer());
        out.println();
        out.println("raw reference: " + r.rawMethod());
        list(out, "notes", r.notes());
        list(out, "ERRORS", r.errors());
    }

    private static String rate(Rate rate, String unit) {
        String perSecond = Text.count(rate.perSecond()) + " " + unit;
        return rate.finished() ? perSecond : "did not finish: " + Text.count(rate.count()) + " of "
                + Text.count(rate.expected()) + " in " + Text.seconds(rate.seconds()) + " (" + perSecond + ")";
    }

    private static void cost(PrintWriter out, String label, Drain drain) {
        cost(out, label, drain.costs());
    }

    private static void cost(PrintWriter out, String label, RawDrain drain) {
        cost(out, label, drain.costs());
    }

    private static void cost(PrintWriter out, String label, Costs c) {
        out.printf(Locale.ROOT, COST_ROW, label, Text.figure(c.transactionsPerJob()),
                Text.figure(c.jvmCpuMicrosPerJob()) + " µs",
                c.databaseCpuMicrosPerJob() == null ? "-" : Text.figure(c.databaseCpuMicrosPerJob()) + " µs");
    }

    private static void latency(PrintWriter out, String label, Latency l) {
        String figures = String.format(Locale.ROOT, "p50 %s   p99 %s   max %s", Text.ms(l.p50Ms()), Text.ms(l.p99Ms()),
                Text.ms(l.maxMs()));
        out.printf(Locale.ROOT, "%-52s %s%s%n", label, figures,
                l.finished() ? "" : "   (did not finish: " + l.started() + " of " + l.expected() + " started, "
                        + l.sent() + " enqueued)");
    }

    private static void list(PrintWriter out, String title, List<String> items) {
        if (!items.isEmpty()) {
            out.println(title + ":");
            items.forEach(item -> out.println("  - " + item));
        }
    }
}
