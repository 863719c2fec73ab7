package dev.baton.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.baton.bench.Results.BenchResult;
import dev.baton.bench.Results.Machine;
import dev.baton.bench.Results.StoreResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code baton bench}: Baton against the same work done by hand over JDBC, on PostgreSQL and on the embedded
 * store, in one run. Progress goes to stderr, the result to stdout (a table, or one JSON object). Exit 0 when
 * every count matched, 1 when one did not (the errors say which), 2 on a usage error, 3 when a store could not
 * be reached.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures Baton beside a raw-JDBC reference: bulk enqueue, drain, transactions and CPU per job,"
                + " latency, and a drain beside scheduled rows, on PostgreSQL and on the embedded H2 store.")
public final class BenchCommand implements Callable<Integer> {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    enum StoreChoice { postgres, h2, both }

    @Spec
    CommandSpec spec;

    @Option(names = "--store", description = "postgres, h2 or both (default: ${DEFAULT-VALUE}).", defaultValue = "both")
    StoreChoice store;

    @Option(names = "--jdbc-url", description = "The PostgreSQL database; each measurement gets a schema of its own"
            + " in it, dropped afterwards (default: ${DEFAULT-VALUE}).", defaultValue = DEFAULT_URL)
    String jdbcUrl;

    @Option(names = "--jobs", description = "N, no-op jobs per enqueue and per drain (default 50000; --quick 5000).")
    Integer jobs;

    @Option(names = "--workers", description = "K, worker slots of the draining node and threads of the raw drain"
            + " (default 16).")
    Integer workers;

    @Option(names = "--chunk", description = "Jobs per enqueueAll call (default 1000).")
    Integer chunk;

    @Option(names = {"--parked", "--scheduled"}, description = "Rows scheduled a year ahead in the drained queue,"
            + " for the drain beside them (default 100000; --quick 10000).")
    Integer scheduled;

    @Option(names = "--rate", description = "Arrival rate of the latency-at-rate run, jobs/s (default 500).")
    Integer rate;

    @Option(names = "--rate-seconds", description = "How long jobs arrive at --rate (default 5; --quick 2).")
    Double rateSeconds;

    @Option(names = "--idle-samples", description = "Latency samples from an idle node (default 200; --quick 50).")
    Integer idleSamples;

    @Option(names = "--repeat", description = "Runs per store; every figure is the median (default 1).")
    Integer repeat;

    @Option(names = "--max-seconds", description = "The longest one measurement may take; then it reports the part"
            + " done, as \"did not finish\" (default 120).")
    Double maxSeconds;

    @Option(names = "--quick", description = "Smaller defaults, for a smoke run: N 5000, 10000 scheduled rows.")
    boolean quick;

    @Option(names = "--json", description = "Print one JSON object with every figure instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        List<BenchTarget> targets = new ArrayList<>();
        try {
            if (store != StoreChoice.h2) {
                targets.add(PostgresTarget.connect(jdbcUrl));
            }
            if (store != StoreChoice.postgres) {
                targets.add(H2Target.create());
            }
        } catch (IllegalStateException e) {
            targets.forEach(BenchTarget::close);
            err.println("bench: " + e.getMessage());
            return 3;
        }
        Map<String, StoreResult> results = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        try {
            for (BenchTarget target : targets) {
                StoreResult result;
                try {
                    result = run(target, settings, err);
                } catch (RuntimeException e) {
                    // A measurement that failed outright (the database went away, a statement failed) has no
                    // figure to report: say what failed, and exit as "not answered".
                    err.println("bench: " + target.name() + ": " + e);
                    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                        err.println("  caused by " + cause);
                    }
                    return 3;
                }
                results.put(target.name(), result);
                result.errors().forEach(e -> errors.add(target.name() + ": " + e));
            }
        } finally {
            targets.forEach(BenchTarget::close);
        }
        BenchResult result = new BenchResult(settings, Machine.current(), results, List.copyOf(errors));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(result));
            out.flush();
        } else {
            TextReport.print(result, out);
        }
        return errors.isEmpty() ? 0 : 1;
    }

    private static StoreResult run(BenchTarget target, BenchSettings settings, PrintWriter err)
            throws InterruptedException {
        Findings findings = new Findings();
        List<StoreResult> runs = new ArrayList<>();
        StoreBench.warmUp(target, settings, findings, step -> {
            err.println(target.name() + ": " + step);
            err.flush();
        });
        for (int i = 1; i <= settings.repeat(); i++) {
            String prefix = target.name() + (settings.repeat() > 1 ? " run " + i + "/" + settings.repeat() : "") + ": ";
            runs.add(StoreBench.runOnce(target, settings, findings, step -> {
                err.println(prefix + step);
                err.flush();
            }));
        }
        target.notes().forEach(findings::note);
        return Medians.of(runs, findings);
    }

    static String toJson(BenchResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the JSON output", e);
        }
    }

    /** The options, with --quick's defaults where one was not given; each checked, naming the option. */
    BenchSettings settings() {
        BenchSettings s = new BenchSettings(
                positive("--jobs", jobs, quick ? 5_000 : 50_000),
                positive("--workers", workers, 16),
                positive("--chunk", chunk, 1_000),
                notNegative("--parked", scheduled, quick ? 10_000 : 100_000),
                positive("--rate", rate, 500),
                positive("--rate-seconds", rateSeconds, quick ? 2.0 : 5.0),
                positive("--idle-samples", idleSamples, quick ? 50 : 200),
                positive("--repeat", repeat, 1),
                positive("--max-seconds", maxSeconds, 120.0),
                quick);
        return s;
    }

    private int positive(String option, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1 (got " + v + ")");
        }
        return v;
    }

    private double positive(String option, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ParameterException(spec.commandLine(), option + " must be a positive number of seconds (got " + v + ")");
        }
        return v;
    }

    private int notNegative(String option, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 0) {
            throw new ParameterException(spec.commandLine(), option + " must not be negative (got " + v + ")");
        }
        return v;
    }
}
