package dev.baton.cli;

import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"Lists jobs, newest first, or shows one job whole (payload and last error).",
                "Example: baton jobs --state dead --type user-confirmation",
                "baton jobs export --help: write payloads as a corpus for tests."},
        subcommands = JobsExportCommand.class)
final class JobsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--id", paramLabel = "ID", description = "Show this job whole.")
    Long id;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only jobs of this type.")
    String type;

    @Option(names = "--queue", paramLabel = "QUEUE", description = "Only jobs on this queue.")
    String queue;

    @Option(names = "--state", paramLabel = "STATE",
            description = "Only jobs in this state: waiting, scheduled, running, retrying, completed or dead.")
    String state;

    @Option(names = "--before-id", paramLabel = "ID", description = "Only jobs older than this id (paging).")
    Long beforeId;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JobState stateFilter = parseState();
        if (limit < 1) {
            spec.commandLine().getErr().println("baton jobs: --limit must be at least 1, was " + limit);
            return 2;
        }
        try (JdbcStore store = storeOptions.open()) {
            if (id != null) {
                Optional<JobRecord> job = store.jobGet(id);
                if (job.isEmpty()) {
                    spec.commandLine().getErr().println("baton jobs: no job #" + id + " in " + storeOptions.describe());
                    return 1;
                }
                out.println(json ? Json.write(job.get()) : describe(job.get()));
                return 0;
            }
            List<JobRecord> jobs = store.jobList(new JobListParams(type, queue, stateFilter, beforeId, limit));
            if (json) {
                out.println(Json.write(jobs));
                return 0;
            }
            Table table = new Table("ID", "TYPE", "VERSION", "QUEUE", "STATE", "ATTEMPT", "RUN AT", "ERROR");
            for (JobRecord job : jobs) {
                table.add(String.valueOf(job.id()), job.type(), String.valueOf(job.version()), job.queue(),
                        job.state().code(), job.attempt() + "/" + job.maxAttempts(), String.valueOf(job.runAt()),
                        firstLine(job.lastError()));
            }
            table.print(out);
        }
        return 0;
    }

    private JobState parseState() {
        if (state == null) {
            return null;
        }
        try {
            return JobState.fromCode(state);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--state " + state
                    + " is not a state: use waiting, scheduled, running, retrying, completed or dead");
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }

    private static String describe(JobRecord job) {
        return String.join("\n",
                "job #" + job.id() + ": " + job.type() + " v" + job.version() + " on queue " + job.queue(),
                "  state:      " + job.state().code() + " (attempt " + job.attempt() + " of " + job.maxAttempts() + ")",
                "  priority:   " + job.priority(),
                "  created:    " + job.createdAt() + " by release " + job.release(),
                "  run at:     " + job.runAt(),
                "  attempted:  " + job.attemptedAt(),
                "  finished:   " + job.finishedAt(),
                "  lease:      " + (job.leaseOwner() == null ? "-" : job.leaseOwner() + " until " + job.leaseExpiresAt()),
                "  unique key: " + (job.uniqueKey() == null ? "-" : job.uniqueKey()),
                "  payload:    " + job.payload(),
                "  last error: " + (job.lastError() == null ? "-" : job.lastError().strip()));
    }
}
