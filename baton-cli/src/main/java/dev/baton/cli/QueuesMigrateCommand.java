package dev.baton.cli;

import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobMoveQueueParams;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Moves the pending jobs of one queue to another (needs --yes).",
                "Waiting, scheduled and retrying jobs move in one transaction; running jobs finish where they are.",
                "Example: baton queues migrate --from mail --to newsletters --type send-newsletter --yes"})
final class QueuesMigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--from", required = true, paramLabel = "QUEUE", description = "The queue to empty.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "QUEUE", description = "The queue to move the jobs to.")
    String to;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only jobs of this type (default: every type).")
    String type;

    @Option(names = "--yes", description = "Do it. Without it, only says what it would do and exits with 2.")
    boolean yes;

    @Option(names = "--json", description = "Print {\"from\", \"to\", \"type\", \"moved\"}.")
    boolean json;

    @Override
    public Integer call() {
        Args.queue(spec, "--from", from);
        Args.queue(spec, "--to", to);
        if (type != null) {
            Args.type(spec, type);
        }
        if (from.equals(to)) {
            throw new ParameterException(spec.commandLine(), "--from and --to are both \"" + from + "\": nothing to move");
        }
        String what = (type == null ? "" : type + " ") + "jobs";
        try (JdbcStore store = storeOptions.open()) {
            if (!yes) {
                long pending = store.jobCount().stream()
                        .filter(c -> c.queue().equals(from) && c.state().isPending()
                                && (type == null || c.type().equals(type)))
                        .mapToLong(JobCount::count).sum();
                spec.commandLine().getErr().println("baton queues migrate: would move " + pending
                        + " waiting, scheduled and retrying " + what + " from queue " + from + " to queue " + to
                        + " in the " + storeOptions.describe() + ". Nothing changed: pass --yes to do it.");
                return 2;
            }
            int moved = store.jobMoveQueue(new JobMoveQueueParams(from, to, type));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("from", from);
                result.put("to", to);
                result.put("type", type);
                result.put("moved", moved);
                out.println(Json.write(result));
            } else {
                out.println("moved " + moved + " " + what + " from queue " + from + " to queue " + to
                        + " (check that a live worker serves it: baton stranded)");
            }
            return 0;
        }
    }
}
