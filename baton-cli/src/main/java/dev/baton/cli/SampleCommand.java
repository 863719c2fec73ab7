package dev.baton.cli;

import dev.baton.Backoff;
import dev.baton.Baton;
import dev.baton.EnqueueOptions;
import dev.baton.Enqueued;
import dev.baton.Job;
import dev.baton.JobSettings;
import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobState;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Runs a small Baton app on the embedded store and prints what happened.",
                "It enqueues jobs of three types (bulk, scheduled, unique, inside a committed and a rolled-back",
                "transaction, one that fails once), runs them, and says where the data is."})
final class SampleCommand implements Callable<Integer> {

    @Job(name = "welcome-email", queue = "mailers")
    record WelcomeEmail(long userId, String address) {}

    @Job(name = "resize-image")
    record ResizeImage(String path, int width) {}

    @Job(name = "sync-account")
    record SyncAccount(long accountId) {}

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--emails", defaultValue = "20", description = "Welcome emails to enqueue in bulk (default: ${DEFAULT-VALUE}).")
    int emails;

    @Option(names = "--timeout", defaultValue = "60", description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--json", description = "Print only a machine-readable summary.")
    boolean json;

    private final Map<Long, Integer> attemptsSeen = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean verbose = !json;
        try (JdbcStore store = storeOptions.open()) {
            Baton baton = Baton.builder()
                    .store(store)
                    .release("sample")
                    .queue("mailers", 4)
                    .queue("default", 2)
                    .pollInterval(Duration.ofMillis(200))
                    .handle(WelcomeEmail.class, (job, ctx) -> say(verbose, out, "  sent welcome email to " + job.address()
                            + "  (job #" + ctx.id() + ")"))
                    .handle(ResizeImage.class, (job, ctx) -> say(verbose, out, "  resized " + job.path() + " to "
                            + job.width() + "px  (job #" + ctx.id() + ")"))
                    .handle(SyncAccount.class, (job, ctx) -> {
                        attemptsSeen.merge(ctx.id(), 1, Integer::sum);
                        if (ctx.attempt() == 1) {
                            say(verbose, out, "  sync of account " + job.accountId() + " failed on attempt 1: "
                                    + "the remote API timed out; Baton retries it with backoff");
                            throw new IllegalStateException("remote API timed out (simulated)");
                        }
                        say(verbose, out, "  synced account " + job.accountId() + " on attempt " + ctx.attempt());
                    }, JobSettings.defaults().withBackoff(Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(1), 0)))
                    .build();
            say(verbose, out, "Baton sample on the " + storeOptions.describe());
            baton.start();
            List<Long> ids = new ArrayList<>();
            try {
                ids.addAll(enqueue(baton, store, verbose, out));
                awaitFinished(store, ids);
            } finally {
                baton.close();
            }
            Map<String, Map<String, Integer>> summary = summarize(store, ids);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("store", storeOptions.describe());
                result.put("jobs", ids.size());
                result.put("byTypeAndState", summary);
                out.println(Json.write(result));
            } else {
                printSummary(out, summary, ids.size());
            }
            boolean allCompleted = summary.values().stream()
                    .allMatch(states -> states.keySet().stream().allMatch(JobState.COMPLETED.code()::equals));
            return allCompleted ? 0 : 1;
        }
    }

    private List<Long> enqueue(Baton baton, JdbcStore store, boolean verbose, PrintWriter out) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Enqueued> bulk = baton.enqueueAll(IntStream.rangeClosed(1, emails)
                .mapToObj(i -> new WelcomeEmail(i, "user" + i + "@example.com")).toList());
        bulk.forEach(e -> ids.add(e.id()));
        say(verbose, out, "Enqueued " + bulk.size() + " welcome-email jobs in one bulk insert");

        ids.add(baton.enqueue(new ResizeImage("photos/cat.jpg", 640)).id());
        ids.add(baton.enqueue(new ResizeImage("photos/dog.jpg", 1280), EnqueueOptions.defaults().priority(10)).id());
        ids.add(baton.enqueue(new ResizeImage("photos/later.jpg", 320),
                EnqueueOptions.defaults().delay(Duration.ofSeconds(2))).id());
        say(verbose, out, "Enqueued 3 resize-image jobs: one plain, one with priority 10, one scheduled 2s ahead");

        Enqueued first = baton.enqueue(new SyncAccount(7), EnqueueOptions.defaults().uniqueKey("account-7"));
        Enqueued again = baton.enqueue(new SyncAccount(7), EnqueueOptions.defaults().uniqueKey("account-7"));
        ids.add(first.id());
        say(verbose, out, "Enqueued sync-account for account 7 twice with unique key account-7: the second "
                + (again.duplicate() ? "was a duplicate of job #" + again.id() : "was inserted (unexpected)"));

        try (Connection tx = store.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            long rolledBack = baton.enqueue(tx, new WelcomeEmail(999, "ghost@example.com")).id();
            tx.rollback();
            say(verbose, out, "Enqueued job #" + rolledBack + " in a transaction that rolled back: it never exists ("
                    + (store.jobGet(rolledBack).isEmpty() ? "confirmed" : "FOUND, which is a bug") + ")");
            ids.add(baton.enqueue(tx, new WelcomeEmail(1000, "committed@example.com")).id());
            tx.commit();
            say(verbose, out, "Enqueued a welcome-email in a transaction that committed: it runs");
        }
        say(verbose, out, "Running:");
        return ids;
    }

    private void awaitFinished(JdbcStore store, List<Long> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            boolean done = ids.stream().allMatch(id -> store.jobGet(id).map(job -> job.state().isFinal()).orElse(true));
            if (done) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static Map<String, Map<String, Integer>> summarize(JdbcStore store, List<Long> ids) {
        Map<String, Map<String, Integer>> summary = new TreeMap<>();
        for (long id : ids) {
            store.jobGet(id).ifPresent(job -> summary.computeIfAbsent(job.type(), t -> new TreeMap<>())
                    .merge(job.state().code(), 1, Integer::sum));
        }
        return summary;
    }

    private void printSummary(PrintWriter out, Map<String, Map<String, Integer>> summary, int total) {
        out.println();
        out.println("Done: " + total + " jobs.");
        Table table = new Table("TYPE", "STATE", "JOBS");
        summary.forEach((type, states) -> states.forEach((state, n) -> table.add(type, state, String.valueOf(n))));
        table.print(out);
        out.println();
        out.println("The jobs stay in the " + storeOptions.describe() + " (completed jobs are kept for an hour).");
        out.println("Look at them with:  java -jar baton-cli/target/baton.jar status");
        out.println("                    java -jar baton-cli/target/baton.jar jobs --type sync-account");
    }

    private static void say(boolean verbose, PrintWriter out, String line) {
        if (verbose) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
