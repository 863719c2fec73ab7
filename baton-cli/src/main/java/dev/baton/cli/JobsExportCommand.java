package dev.baton.cli;

import dev.baton.internal.Names;
import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes stored payloads as a corpus for tests: DIR/<type>/v<version>/<id>.json, newest first, "
                + "at most --per-version files per type and version.",
                "baton-test's PayloadCorpus replays such a directory against the current code and its upcasters.",
                "Example: baton jobs export --out src/test/resources/payloads --type user-confirmation"})
final class JobsExportCommand implements Callable<Integer> {

    /** Jobs read per store round trip; the whole table is scanned, since any job may open a new version. */
    static final int PAGE = 500;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The corpus directory; created if missing. Files of the same job are overwritten.")
    Path outDir;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only jobs of this type (default: every type).")
    String type;

    @Option(names = "--state", paramLabel = "STATE", split = ",",
            description = "Only jobs in these states, repeatable or comma-separated: waiting, scheduled, running, "
                    + "retrying, completed, dead (default: all, completed ones included: they are most of what "
                    + "producers wrote).")
    List<String> states = new ArrayList<>();

    @Option(names = "--per-version", paramLabel = "N", defaultValue = "100",
            description = "At most N payloads per type and version, the newest (default: ${DEFAULT-VALUE}).")
    int perVersion;

    @Option(names = "--json", description = "Print {\"out\", \"files\", \"exported\": [{\"type\", \"version\", "
            + "\"files\", \"jobs\"}]}.")
    boolean json;

    private record TypeVersion(String type, int version) {}

    /** How many files were written of how many jobs matched, per type and version. */
    private static final class Tally {
        int files;
        int jobs;
    }

    @Override
    public Integer call() {
        if (type != null) {
            Args.type(spec, type);
        }
        Set<JobState> stateFilter = parseStates();
        if (perVersion < 1) {
            throw new ParameterException(spec.commandLine(), "--per-version must be at least 1, was " + perVersion);
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new ParameterException(spec.commandLine(), "--out " + outDir + " is a file; give a directory");
        }
        // One state goes to the store; several are filtered here, still in one newest-first pass.
        JobState storeState = stateFilter.size() == 1 ? stateFilter.iterator().next() : null;
        Map<TypeVersion, Tally> tallies = new TreeMap<>(Comparator.comparing(TypeVersion::type)
                .thenComparingInt(TypeVersion::version));
        PrintWriter err = spec.commandLine().getErr();
        try (JdbcStore store = storeOptions.open()) {
            Long beforeId = null;
            while (true) {
                List<JobRecord> page = store.jobList(new JobListParams(type, null, storeState, beforeId, PAGE));
                for (JobRecord job : page) {
                    if (!stateFilter.contains(job.state())) {
                        continue;
                    }
                    if (Names.checkType(job.type()) != null) {
                        // Only a kebab-case name is safe as a directory name; enqueue never stores another.
                        err.println("baton jobs export: skipped job #" + job.id() + ": its type \"" + job.type()
                                + "\" is not a valid type name");
                        continue;
                    }
                    Tally tally = tallies.computeIfAbsent(new TypeVersion(job.type(), job.version()), k -> new Tally());
                    tally.jobs++;
                    if (tally.files < perVersion) {
                        write(job);
                        tally.files++;
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                beforeId = page.get(page.size() - 1).id();
            }
        } catch (IOException e) {
            err.println("baton jobs export: cannot write to " + outDir + ": " + e);
            return ErrorHandler.ERROR;
        }
        print(tallies, stateFilter);
        return 0;
    }

    private void write(JobRecord job) throws IOException {
        Path dir = Files.createDirectories(outDir.resolve(job.type()).resolve("v" + job.version()));
        Files.writeString(dir.resolve(job.id() + ".json"), Json.pretty(job.payload()) + "\n", StandardCharsets.UTF_8);
    }

    private void print(Map<TypeVersion, Tally> tallies, Set<JobState> stateFilter) {
        PrintWriter out = spec.commandLine().getOut();
        int files = tallies.values().stream().mapToInt(t -> t.files).sum();
        if (json) {
            List<Map<String, Object>> exported = new ArrayList<>();
            tallies.forEach((key, tally) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("type", key.type());
                row.put("version", key.version());
                row.put("files", tally.files);
                row.put("jobs", tally.jobs);
                exported.add(row);
            });
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("out", outDir.toString());
            result.put("type", type);
            result.put("states", stateFilter.stream().map(JobState::code).toList());
            result.put("perVersion", perVersion);
            result.put("files", files);
            result.put("exported", exported);
            out.println(Json.write(result));
            return;
        }
        if (tallies.isEmpty()) {
            out.println("no " + (type == null ? "" : type + " ") + "jobs in " + describe(stateFilter) + " in the "
                    + storeOptions.describe() + "; nothing exported");
            return;
        }
        out.println("exported " + files + " payload" + (files == 1 ? "" : "s") + " to " + outDir
                + " (newest first, at most " + perVersion + " per type and version):");
        Table table = new Table("TYPE", "VERSION", "FILES", "JOBS");
        tallies.forEach((key, tally) -> table.add(key.type(), "v" + key.version(), String.valueOf(tally.files),
                String.valueOf(tally.jobs)));
        table.print(out);
        out.println("replay them in a test: PayloadCorpus.load(Path.of(\"" + outDir + "\")).assertAllReadable(...)");
    }

    private static String describe(Set<JobState> states) {
        return states.size() == JobState.values().length ? "any state"
                : "state " + String.join(", ", states.stream().map(JobState::code).toList());
    }

    private Set<JobState> parseStates() {
        if (states.isEmpty()) {
            return EnumSet.allOf(JobState.class);
        }
        Set<JobState> parsed = EnumSet.noneOf(JobState.class);
        for (String state : states) {
            try {
                parsed.add(JobState.fromCode(state));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--state " + state
                        + " is not a state: use waiting, scheduled, running, retrying, completed or dead");
            }
        }
        return parsed;
    }
}
