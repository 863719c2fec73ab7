package dev.baton.cli;

import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.ArchivedJob;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobPurgeParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Archives and removes the pending jobs of TYPE (needs --yes).",
                "Waiting, scheduled and retrying jobs go to the archive, with their payloads; running ones finish.",
                "`baton restore TYPE` puts them back.",
                "Example: baton purge cleanup-cache --out cleanup-cache.json --yes"})
final class PurgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "TYPE", description = "The stored job type name, e.g. cleanup-cache.")
    String type;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write every archived job of TYPE to FILE as a JSON array, payloads as JSON objects.")
    Path outFile;

    // A flag, not a prompt: pipelines have no terminal to answer one.
    @Option(names = "--yes", description = "Do it. Without it, purge only says what it would do and exits with 2.")
    boolean yes;

    @Option(names = "--json", description = "Print {\"type\", \"purged\", \"archived\", \"out\"}.")
    boolean json;

    @Override
    public Integer call() {
        Args.type(spec, type);
        Path parent = outFile == null ? null : outFile.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // Checked before purging: the jobs would be safe in the archive, but the user asked for the file too.
            throw new ParameterException(spec.commandLine(), "--out " + outFile + ": directory " + parent
                    + " does not exist");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (JdbcStore store = storeOptions.open()) {
            if (!yes) {
                long pending = store.jobCount().stream()
                        .filter(c -> c.type().equals(type) && c.state().isPending())
                        .mapToLong(JobCount::count).sum();
                spec.commandLine().getErr().println("baton purge: would archive and remove " + pending
                        + " waiting, scheduled and retrying " + type + " jobs from the " + storeOptions.describe()
                        + (outFile == null ? "" : " and write the archived jobs of " + type + " to " + outFile)
                        + ". Nothing changed: pass --yes to do it.");
                return 2;
            }
            int purged = store.jobPurge(new JobPurgeParams(type, Instant.now()));
            List<ArchivedJob> archived = store.archiveList(type);
            if (outFile != null) {
                try {
                    Files.writeString(outFile, Json.write(archived.stream().map(PurgeCommand::toJson).toList()) + "\n");
                } catch (IOException e) {
                    spec.commandLine().getErr().println("baton purge: purged " + purged + " jobs into the archive but "
                            + "could not write " + outFile + ": " + e.getMessage()
                            + ". Fix that and run purge again with --out to write the file.");
                    return 1;
                }
            }
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("type", type);
                result.put("purged", purged);
                result.put("archived", archived.size());
                result.put("out", outFile == null ? null : outFile.toString());
                out.println(Json.write(result));
            } else {
                out.println("purged " + purged + " " + type + " job" + (purged == 1 ? "" : "s") + " into the archive ("
                        + archived.size() + " archived in all)"
                        + (outFile == null ? "" : "; wrote them to " + outFile));
                out.println("put them back with: baton restore " + type);
            }
            return 0;
        }
    }

    /** Field by field, so that the file's shape is this command's promise, not ArchivedJob's. */
    private static Map<String, Object> toJson(ArchivedJob job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("type", job.type());
        json.put("version", job.version());
        json.put("queue", job.queue());
        json.put("payload", Json.parse(job.payload()));
        json.put("priority", job.priority());
        json.put("maxAttempts", job.maxAttempts());
        json.put("createdAt", job.createdAt());
        json.put("release", job.release());
        json.put("archivedAt", job.archivedAt());
        return json;
    }
}
