package dev.baton.cli;

import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "versions", mixinStandardHelpOptions = true,
        description = {"Counts the jobs of one type per version, queue and state.",
                "Shows which payload versions of TYPE are still in flight.",
                "Example: baton versions user-confirmation"})
final class VersionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "TYPE", description = "The stored job type name, e.g. user-confirmation.")
    String type;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        Args.type(spec, type);
        List<JobCount> counts;
        try (JdbcStore store = storeOptions.open()) {
            counts = NodeTtlOption.jobInspector(store).versions(type);
        }
        List<Row> rows = rows(counts);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("type", type);
            result.put("versions", rows);
            out.println(Json.write(result));
            return 0;
        }
        if (rows.isEmpty()) {
            out.println("No jobs of type " + type + ".");
            return 0;
        }
        List<String> header = new ArrayList<>(List.of("VERSION", "QUEUE"));
        Arrays.stream(JobState.values()).forEach(state -> header.add(state.name()));
        Table table = new Table(header.toArray(String[]::new));
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of("v" + row.version(), row.queue()));
            row.states().values().forEach(n -> cells.add(String.valueOf(n)));
            table.add(cells.toArray(String[]::new));
        }
        out.println("Jobs of " + type + " per version and queue:");
        table.print(out);
        return 0;
    }

    /** Every state, zero or not, so that scripts can read .states.waiting without a null check. */
    private static List<Row> rows(List<JobCount> counts) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (JobCount count : counts) {
            rows.computeIfAbsent(count.version() + "\u0000" + count.queue(), key -> {
                Map<String, Long> states = new LinkedHashMap<>();
                Arrays.stream(JobState.values()).forEach(state -> states.put(state.code(), 0L));
                return new Row(count.version(), count.queue(), states);
            }).states().merge(count.state().code(), count.count(), Long::sum);
        }
        return List.copyOf(rows.values());
    }

    record Row(int version, String queue, Map<String, Long> states) {}
}
