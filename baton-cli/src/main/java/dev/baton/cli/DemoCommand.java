package dev.baton.cli;

import dev.baton.check.Report;
import dev.baton.check.ReportPrinter;
import dev.baton.cli.deploy.ExampleJars;
import dev.baton.cli.deploy.FleetException;
import dev.baton.cli.deploy.FleetSettings;
import dev.baton.cli.deploy.InJvmFleet;
import dev.baton.cli.deploy.NodeSpec;
import dev.baton.cli.deploy.Scenario;
import dev.baton.cli.deploy.Mode;
import dev.baton.cli.deploy.ScenarioEngine;
import dev.baton.cli.deploy.ScenarioResult;
import dev.baton.cli.deploy.ShopRelease;
import dev.baton.cli.deploy.Step;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Rolling deploys of an example shop, with and without Baton, side by side.",
                "Deploys release N+1 of the example shop over release N four ways, with Baton and with the same",
                "handlers on a conventional queue (strict, then tolerant), and shows side by side what each run did.",
                "Scenarios: web-first (N+1 web, then workers one by one), workers-first, rollback (halfway, back to N,",
                "web first) and rollback-workers-first (back worker first; then an N+1 worker returns).",
                "Every node runs in this JVM on an embedded store of its own per run; traffic runs throughout.",
                "Then `baton check` of N+1 against N. Exit 0 when every protected run has no failed, dead,",
                "stranded, unfinished, lost, duplicate, unrun or field-losing job; 1 otherwise; 3 when the example",
                "jars are not built."})
final class DemoCommand implements Callable<Integer> {

    static final String DEFAULT_DATA = "baton-data/demo";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
            description = "Directory for the runs' embedded stores, one per scenario and mode (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--examples", paramLabel = "DIR",
            description = "The examples directory holding shop-n/target/shop-n.jar and shop-n1/target/shop-n1.jar "
                    + "(default: examples, else the one beside this jar's checkout).")
    Path examples;

    @Option(names = "--timings", defaultValue = "fast", paramLabel = "fast|default",
            description = "The fleet's poll, heartbeat, node TTL, fleet refresh and lease: fast (short, so that a deploy "
                    + "of seconds shows what one of minutes does) or default (Baton's own); default: ${DEFAULT-VALUE}.")
    String timings;

    @Option(names = "--rate", defaultValue = "50", paramLabel = "N",
            description = "Jobs per second each web node enqueues (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--phase-jobs", defaultValue = "40", paramLabel = "N",
            description = "Jobs enqueued between two moves of the deploy (default: ${DEFAULT-VALUE}).")
    int phaseJobs;

    @Option(names = "--json", description = "Print the runs and the check report as JSON; progress goes to stderr.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExampleJars jars = ExampleJars.locateOrExplain(examples, err);
        if (jars == null) {
            return ErrorHandler.ERROR;
        }
        Path root = data.toAbsolutePath().normalize();
        createDirectories(root);
        keepBatonLogIn(root.resolve("baton.log"));
        PrintWriter progress = json ? err : out;
        FleetSettings settings;
        try {
            settings = FleetSettings.named(timings, rate);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timings: " + e.getMessage());
        }
        Duration phaseCap = Duration.ofMillis(Math.max(2000, 5000L * phaseJobs / rate));
        List<Scenario> scenarios = Scenario.all(() -> new Step.WaitJobs(phaseJobs, phaseCap));
        ScenarioEngine engine = new ScenarioEngine(line -> say(progress, line),
                Duration.ofSeconds(15).plus(settings.lease()), settings.nodeTtl());

        List<ScenarioResult> results = new ArrayList<>();
        Report check;
        try (ShopRelease n = ShopRelease.load(NodeSpec.N, jars.n());
                ShopRelease n1 = ShopRelease.load(NodeSpec.N1, jars.n1())) {
            say(progress, "Baton demo: " + scenarios.size() + " rolling deploys of the example shop from release N to N+1,"
                    + " each with Baton, and the same handlers on a conventional queue reading strictly and tolerantly; " + rate
                    + " jobs/s per web node.");
            say(progress, settings.describe() + ".");
            Map<String, ShopRelease> releases = Map.of(NodeSpec.N, n, NodeSpec.N1, n1);
            for (Scenario scenario : scenarios) {
                say(progress, "");
                say(progress, "scenario " + scenario.name() + ": " + scenario.title());
                for (Mode mode : Mode.values()) {
                    Path store = root.resolve(runName(scenario, mode));
                    deleteDatabase(store);
                    try (InJvmFleet fleet = new InJvmFleet(releases, store, mode.protect(), settings.forMode(mode),
                            warning -> say(progress, "  warning: " + warning))) {
                        results.add(engine.run(scenario, mode, fleet));
                    }
                }
            }
            check = DeployCheck.of(n, n1);
        }

        DeployReport report = new DeployReport(results);
        boolean clean = report.protectedClean();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("data", root.toString());
            result.put("clean", clean);
            result.put("timings", settings.timings());
            result.put("runs", report.json());
            result.put("check", Json.parse(ReportPrinter.json(check)));
            out.println(Json.write(result));
        } else {
            out.println();
            out.println("With " + settings.describe() + ".");
            report.print(out);
            out.println();
            out.println("The stores are in " + root + ", one per run; look at one with");
            out.println("  baton status --data " + root.resolve(runName(scenarios.get(0), Mode.STRICT)));
            out.println("Baton's warnings (the failures above) are in " + root.resolve("baton.log"));
            out.println();
            out.println("baton check of N+1 against N (the lockfile holds N's contracts):");
            out.print(ReportPrinter.text(check, false));
            out.println();
            out.println(clean ? "Protected runs: no job failed, died, was stranded, lost, run twice, completed unrun or robbed of a field."
                    : "Protected runs: NOT clean (see the table above): that is a bug in Baton or in the example.");
        }
        out.flush();
        return clean ? 0 : 1;
    }

    static String runName(Scenario scenario, Mode mode) {
        return scenario.name() + "-" + mode.label();
    }

    /** A fresh store per run: only the H2 files this command made are removed. */
    private static void deleteDatabase(Path store) {
        for (String file : List.of("baton.mv.db", "baton.trace.db", "baton.lock.db")) {
            try {
                Files.deleteIfExists(store.resolve(file));
            } catch (IOException e) {
                throw new FleetException("cannot delete " + store.resolve(file) + ": " + e, e);
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FleetException("cannot create " + dir + ": " + e, e);
        }
    }

    /**
     * The unprotected runs make Baton warn about every failed job; the tables count them, the log keeps
     * them. Only takes effect when logging has not started yet, as in the {@code baton} command.
     */
    static void keepBatonLogIn(Path file) {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        }
    }

    static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
