package dev.baton.chaos;

import dev.baton.Baton;
import dev.baton.BatonInspector;
import dev.baton.jdbc.JdbcStore;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The chaos run: a fresh schema, worker JVMs with Baton's default timings, a producer at a steady rate,
 * and faults spread over the producing window; then the verdict, from the handlers' own record.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Worker JVMs on PostgreSQL under SIGKILLs, a SIGSTOP, terminated connections and a server",
                "restart, while a producer enqueues. Counts lost and duplicated jobs from tables the handlers write.",
                "Exit 0 when nothing is lost, no transactional job has two effects and plain duplicates are within",
                "the jobs in flight at faults; 1 otherwise."})
final class RunCommand implements Callable<Integer> {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final int MIN_SECONDS = 60;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SERVER_BACK = Duration.ofSeconds(60);

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = DEFAULT_URL,
            description = "The PostgreSQL database; the run creates and drops a schema in it (default: ${DEFAULT-VALUE}).")
    String jdbcUrl;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "150",
            description = "The chaos window: the producer runs for N-20 seconds with faults spread over it, then the "
                    + "run waits up to 90s for every job (default: ${DEFAULT-VALUE}, at least 60).")
    int seconds;

    @Option(names = "--kills", paramLabel = "N", defaultValue = "32", description = "Workers to SIGKILL (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "60", description = "Jobs per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "4", description = "Worker JVMs (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the victims and the jobs (default: random, printed).")
    Long seed;

    @Option(names = "--logs", paramLabel = "DIR",
            description = "Where each worker's log goes, DIR/<schema>/<node>-<n>.log (default: target/chaos-logs beside this jar).")
    Path logs;

    @Option(names = "--keep", description = "Keep the run's schema for inspection instead of dropping it.")
    boolean keep;

    @Option(names = "--json", description = "End with the results as one JSON object on the last line of stdout.")
    boolean json;

    private final PrintStream out = System.out;
    private volatile String phase = "starting";
    /** Printed after the clean-up, so that it is the last line of stdout. */
    private String jsonLine;

    @Override
    public Integer call() throws Exception {
        if (seconds < MIN_SECONDS) {
            throw new IllegalArgumentException("--seconds must be at least " + MIN_SECONDS + "; it is " + seconds);
        }
        if (kills < 1 || rate < 10 || workers < 2) {
            throw new IllegalArgumentException("--kills must be at least 1, --rate at least 10, --workers at least 2");
        }
        RunPlan plan = new RunPlan(seconds, kills, rate, workers, seed != null ? seed : new Random().nextLong());
        Deadline.start(plan.hardDeadline(), () -> phase);
        RunSchema schema = RunSchema.create(jdbcUrl);
        Path runLogs = (logs != null ? logs : defaultLogs()).resolve(schema.name());
        out.println("chaos run on " + JdbcUrls.masked(jdbcUrl) + ", schema " + schema.name() + ", seed " + plan.seed());
        out.println("  " + workers + " workers x " + WorkerCommand.CONCURRENCY + ", " + rate + " jobs/s for "
                + plan.producing().toSeconds() + "s, " + kills + " kills; hard deadline " + plan.hardDeadline().toSeconds()
                + "s; logs in " + runLogs + " (the orchestrator's in orchestrator.log)");
        WorkerFleet fleet = new WorkerFleet(schema.url(), runLogs);
        // The producer node's own Baton and pool logs go beside the workers', so that stdout stays the report.
        // Set before the first logger exists: slf4j-simple reads its settings once.
        System.setProperty("org.slf4j.simpleLogger.logFile", runLogs.resolve("orchestrator.log").toString());
        // Whatever ends this JVM (the deadline, a failure, Ctrl-C), no worker outlives it.
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "chaos-kill-workers"));
        PostgresRestart restart = null;
        int code = 1;
        try (AdminConnection admin = new AdminConnection(schema.adminUrl())) {
            try {
                restart = PostgresRestart.find(jdbcUrl, admin.serverMajorVersion(), runLogs.resolve("pg_ctlcluster.log"));
                code = run(plan, schema, admin, fleet, restart);
            } finally {
                phase = "cleaning up";
                fleet.close();
                if (!serverUp(admin, restart)) {
                    code = 1;
                }
                dropUnlessKept(schema);
            }
        }
        if (json && jsonLine != null) {
            out.println(jsonLine);
        }
        return code;
    }

    private void dropUnlessKept(RunSchema schema) {
        if (keep) {
            out.println("kept schema " + schema.name());
            return;
        }
        try {
            schema.drop();
        } catch (SQLException e) {
            out.println("!! cannot drop schema " + schema.name() + ": " + e.getMessage());
        }
    }

    private int run(RunPlan plan, RunSchema schema, AdminConnection admin, WorkerFleet fleet, PostgresRestart restart)
            throws Exception {
        RecordTables.create(admin.connection());
        // One generator per thread, so that a seed replays the same victims and the same jobs.
        Random victims = new Random(plan.seed());
        Random work = new Random(~plan.seed());
        JdbcStore store = JdbcStore.connect(schema.url());
        // A node with no queues: it only enqueues. Started first, so the schema is migrated before any worker.
        Baton producer = Baton.builder().store(store).release("chaos").nodeId("chaos-producer").build().start();
        try {
            phase = "starting workers";
            List<WorkerProcess> first = new ArrayList<>();
            for (int i = 1; i <= plan.workers(); i++) {
                first.add(fleet.launch("chaos-w" + i));
            }
            for (WorkerProcess worker : first) {
                fleet.awaitStarted(worker, START_TIMEOUT);
            }
            out.println("  " + first.size() + " workers up; producing, faults:");
            FaultInjector injector = new FaultInjector(fleet, admin, restart, schema.name(), victims,
                    plan.workers() + 1, out);
            JobProducer jobs = new JobProducer(producer, store.dataSource(), plan.rate(), work);
            List<String> problems = new ArrayList<>();
            phase = "producing with faults";
            long started = System.nanoTime();
            jobs.start();
            try {
                injector.play(FaultPlan.of(plan.producing(), plan.kills()), started);
            } catch (ChaosException e) {
                problems.add("the faults did not run as planned: " + e.getMessage());
                out.println("!! " + e.getMessage());
            } finally {
                fleet.resumeAll();
                waitUntil(started + plan.producing().toNanos());
                jobs.stop();
            }
            out.printf("  producer stopped: %d jobs acknowledged, %d transactions failed (%d jobs)%n", jobs.committed(),
                    jobs.failedBatches(), jobs.failedJobs());
            phase = "draining";
            injector.replaceCrashed();
            BatonInspector inspector = producer.inspect();
            Drain.Outcome drain = Drain.await(admin, inspector, RunPlan.DRAIN, out);
            List<String> notes = new ArrayList<>(injector.notes());
            for (WorkerProcess crashed : fleet.exitedOnTheirOwn()) {
                notes.add("worker " + crashed.nodeId() + " (pid " + crashed.pid() + ") exited by itself with code "
                        + crashed.process().exitValue() + " while draining; its output is in " + crashed.log());
            }
            phase = "stopping workers";
            List<String> forced = fleet.stopAll(STOP_TIMEOUT);
            if (!forced.isEmpty()) {
                notes.add("workers still running " + STOP_TIMEOUT.toSeconds() + "s after SIGTERM, killed: " + forced);
            }
            List<String> batonView = BatonView.of(inspector);
            phase = "computing the results";
            ChaosResult result = RecordQueries.compute(admin.connection(), injector.log(), injector.start());
            Verdict verdict = Verdict.of(result, plan, problems);
            Report.Inputs inputs = new Report.Inputs(result, verdict,
                    injector.start(), jobs.committed(), jobs.failedBatches(), jobs.failedJobs(), jobs.errors(), drain,
                    batonView, LogSummary.of(fleet.logs()), notes);
            Report.table(inputs, out);
            jsonLine = Report.json(inputs);
            return verdict.passed() ? 0 : 1;
        } finally {
            producer.close();
            store.close();
        }
    }

    /** The server must be up when the run ends, the restart or not; started again if it is down. */
    private boolean serverUp(AdminConnection admin, PostgresRestart restart) {
        if (admin.awaitReachable(SERVER_BACK)) {
            return true;
        }
        if (restart != null && restart.available()) {
            try {
                restart.start();
            } catch (Exception e) {
                out.println("!! pg_ctlcluster start failed: " + e.getMessage());
            }
            if (admin.awaitReachable(SERVER_BACK)) {
                return true;
            }
        }
        out.println("FAILED: PostgreSQL (" + JdbcUrls.masked(jdbcUrl) + ") does not accept connections at the end of the run");
        return false;
    }

    /** {@code target/chaos-logs} beside the jar (or beside target/classes when run from the build). */
    private static Path defaultLogs() throws URISyntaxException {
        Path source = Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return source.getParent().resolve("chaos-logs");
    }

    private static void waitUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
