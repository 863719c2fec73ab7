package dev.baton.cli;

import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobState;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Counts jobs per type, version and queue, by state.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        List<JobCount> counts;
        try (JdbcStore store = storeOptions.open()) {
            counts = store.jobCount();
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Row> rows = rows(counts);
        if (json) {
            out.println(Json.write(Map.of("store", storeOptions.describe(), "types", rows)));
            return 0;
        }
        out.println("Store: " + storeOptions.describe());
        if (rows.isEmpty()) {
            out.println("No jobs.");
            return 0;
        }
        Table table = new Table("TYPE", "VERSION", "QUEUE", "WAITING", "SCHEDULED", "RUNNING", "RETRYING", "COMPLETED", "DEAD");
        for (Row row : rows) {
            table.add(row.type, String.valueOf(row.version), row.queue,
                    n(row, JobState.WAITING), n(row, JobState.SCHEDULED), n(row, JobState.RUNNING),
                    n(row, JobState.RETRYING), n(row, JobState.COMPLETED), n(row, JobState.DEAD));
        }
        table.print(out);
        return 0;
    }

    private static String n(Row row, JobState state) {
        return String.valueOf(row.states.getOrDefault(state.code(), 0L));
    }

    static List<Row> rows(List<JobCount> counts) {
        Map<String, Row> rows = new TreeMap<>();
        for (JobCount count : counts) {
            String key = count.type() + "\u0000" + String.format("%09d", count.version()) + "\u0000" + count.queue();
            rows.computeIfAbsent(key, k -> new Row(count.type(), count.version(), count.queue(), new LinkedHashMap<>()))
                    .states.merge(count.state().code(), count.count(), Long::sum);
        }
        return rows.values().stream().sorted(Comparator.comparing(Row::type).thenComparing(Row::version)).toList();
    }

    record Row(String type, int version, String queue, Map<String, Long> states) {}
}
