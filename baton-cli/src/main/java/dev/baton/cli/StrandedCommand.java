package dev.baton.cli;

import dev.baton.StrandedJobs;
import dev.baton.jdbc.JdbcStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stranded", mixinStandardHelpOptions = true,
        description = {"Lists pending jobs no live worker takes, and why; exits 1 while there are some.",
                "A job is stranded when no live worker runs its type, reads its version or serves its queue.",
                "Stranded jobs wait; they are never failed. Exit 0 when there are none, 1 when there are some.",
                "Example: baton stranded --node-ttl 1m"})
final class StrandedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    NodeTtlOption ttl;

    @Option(names = "--json", description = "Print {\"jobs\": total, \"stranded\": [{type, version, queue, count, reason, "
            + "explanation}]}.")
    boolean json;

    @Override
    public Integer call() {
        List<StrandedJobs> stranded;
        try (JdbcStore store = storeOptions.open()) {
            stranded = ttl.inspector(store).stranded();
        }
        long jobs = stranded.stream().mapToLong(StrandedJobs::count).sum();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("jobs", jobs);
            result.put("stranded", stranded);
            out.println(Json.write(result));
        } else if (stranded.isEmpty()) {
            out.println("No stranded jobs: a live worker takes every pending job.");
        } else {
            out.println(jobs + " pending job" + (jobs == 1 ? "" : "s") + " no live worker takes:");
            Table table = new Table("TYPE", "VERSION", "QUEUE", "JOBS", "REASON", "EXPLANATION");
            for (StrandedJobs group : stranded) {
                table.add(group.type(), "v" + group.version(), group.queue(), String.valueOf(group.count()),
                        group.reason().name(), group.explanation());
            }
            table.print(out);
        }
        return stranded.isEmpty() ? 0 : 1;
    }
}
