package dev.baton.cli;

import dev.baton.cli.deploy.ExampleJars;
import dev.baton.cli.deploy.FleetSettings;
import dev.baton.cli.deploy.PostgresSchema;
import dev.baton.cli.deploy.ProcessFleet;
import dev.baton.cli.deploy.Scenario;
import dev.baton.cli.deploy.Mode;
import dev.baton.cli.deploy.ScenarioEngine;
import dev.baton.cli.deploy.ScenarioResult;
import dev.baton.cli.deploy.Step;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"The demo's rolling deploys with every node a separate JVM, on PostgreSQL.",
                "Every node is a JVM running the example shop's jar, stopped with SIGTERM as an orchestrator",
                "does. Each run gets a schema of its own, dropped afterwards; each node's output is in --logs.",
                "Exit 0 when every protected run has no failed, dead, stranded, lost or duplicate job and every",
                "unprotected run shows failed, dead or stranded jobs (the failures the protections prevent);",
                "1 otherwise; 3 when the example jars are not built or PostgreSQL is unreachable."})
final class SimulateCommand implements Callable<Integer> {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = DEFAULT_URL,
            description = "The PostgreSQL database to run in; each run creates and drops a schema in it "
                    + "(default: ${DEFAULT-VALUE}).")
    String jdbcUrl;

    @Option(names = "--examples", paramLabel = "DIR",
            description = "The examples directory holding shop-n/target/shop-n.jar and shop-n1/target/shop-n1.jar "
                    + "(default: examples, else the one beside this jar's checkout).")
    Path examples;

    @ArgGroup(exclusive = true)
    Modes modes = new Modes();

    static final class Modes {
        @Option(names = "--both", description = "Run every scenario with Baton and on both conventional baselines"
                + " (the default).")
        boolean both;

        @Option(names = "--protected", description = "Only with Baton's protections.")
        boolean protectedOnly;

        @Option(names = "--unprotected", description = "Only the conventional baselines, strict and tolerant.")
        boolean unprotectedOnly;

        List<Mode> list() {
            return protectedOnly ? List.of(Mode.PROTECTED) : unprotectedOnly ? List.of(Mode.STRICT, Mode.TOLERANT)
                    : List.of(Mode.values());
        }
    }

    @Option(names = "--phase-seconds", defaultValue = "5", paramLabel = "N",
            description = "Seconds of traffic between two moves of the deploy (default: ${DEFAULT-VALUE}).")
    int phaseSeconds;

    @Option(names = "--timings", defaultValue = "fast", paramLabel = "fast|default",
            description = "The fleet's poll, heartbeat, node TTL, fleet refresh and lease: fast (short, so that a deploy "
                    + "of seconds shows what one of minutes does) or default (Baton's own); default: ${DEFAULT-VALUE}.")
    String timings;

    @Option(names = "--rate", defaultValue = "50", paramLabel = "N",
            description = "Jobs per second each web node enqueues (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--logs", paramLabel = "DIR", defaultValue = "baton-data/simulate",
            description = "Where each node's output goes, DIR/<scenario>-<mode>/<node>-<n>.log (default: ${DEFAULT-VALUE}).")
    Path logs;

    @Option(names = "--json", description = "Print the runs as JSON; progress goes to stderr.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExampleJars jars = ExampleJars.locateOrExplain(examples, err);
        if (jars == null) {
            return ErrorHandler.ERROR;
        }
        long started = System.nanoTime();
        PrintWriter progress = json ? err : out;
        Path logRoot = logs.toAbsolutePath().normalize();
        FleetSettings settings;
        try {
            settings = FleetSettings.named(timings, rate);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timings: " + e.getMessage());
        }
        java.util.function.Supplier<Step> phase = () -> new Step.WaitTime(Duration.ofSeconds(phaseSeconds));
        List<Scenario> scenarios = Scenario.all(phase);
        ScenarioEngine engine = new ScenarioEngine(line -> DemoCommand.say(progress, line),
                Duration.ofSeconds(30).plus(settings.lease()), settings.nodeTtl());
        DemoCommand.say(progress, "Baton simulate: " + scenarios.size() + " rolling deploys of the example shop from release N to N+1, "
                + "every node a JVM, on " + jdbcUrl + "; " + rate
                + " jobs/s per web node, " + phaseSeconds + " s per phase.");
        DemoCommand.say(progress, settings.describe() + ".");

        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            DemoCommand.say(progress, "");
            DemoCommand.say(progress, "scenario " + scenario.name() + ": " + scenario.title());
            for (Mode mode : modes.list()) {
                String run = DemoCommand.runName(scenario, mode);
                try (PostgresSchema schema = PostgresSchema.create(jdbcUrl, "baton_simulate_" + run.replace('-', '_'));
                        ProcessFleet fleet = new ProcessFleet(jars.byRelease(), schema.url(), mode.protect(), settings.forMode(mode),
                                logRoot.resolve(run))) {
                    results.add(engine.run(scenario, mode, fleet));
                }
            }
        }

        DeployReport report = new DeployReport(results);
        boolean protectedClean = report.protectedClean();
        boolean unprotectedFail = report.unprotectedShowFailures();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("logs", logRoot.toString());
            result.put("seconds", took.toSeconds());
            result.put("protectedClean", protectedClean);
            result.put("unprotectedShowFailures", unprotectedFail);
            result.put("timings", settings.timings());
            result.put("runs", report.json());
            out.println(Json.write(result));
        } else {
            out.println();
            out.println("With " + settings.describe() + ".");
            report.print(out);
            out.println();
            out.println("Each node's output is in " + logRoot + "; took " + took.toSeconds() + " s.");
            if (modes.list().contains(Mode.PROTECTED)) {
                out.println(protectedClean ? "Protected runs: no job failed, died, was stranded, lost, run twice, completed unrun or robbed of a field."
                        : "Protected runs: NOT clean (see the tables above).");
            }
            if (modes.list().stream().anyMatch(m -> !m.protect())) {
                out.println(unprotectedFail ? "Unprotected runs: each failed, killed or stranded jobs, as a conventional "
                        + "queue does." : "Unprotected runs: some showed no failure, so they prove nothing (see above).");
            }
        }
        out.flush();
        return protectedClean && unprotectedFail ? 0 : 1;
    }
}
