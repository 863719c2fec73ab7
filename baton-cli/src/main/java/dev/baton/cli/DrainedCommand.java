package dev.baton.cli;

import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "drained", mixinStandardHelpOptions = true,
        description = {"Exits 0 when no job of TYPE below version V is left, 1 when some are.",
                "Drained means no job of TYPE with a version below V is waiting, scheduled, retrying or running:",
                "the gate before removing the code that reads those payloads (an upcaster, a retired type).",
                "Example: baton drained user-confirmation --below 2"})
final class DrainedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "TYPE", description = "The stored job type name, e.g. user-confirmation.")
    String type;

    @Option(names = "--below", paramLabel = "V",
            description = "Versions lower than this must be gone; the version itself may remain. "
                    + "Without it, every version must be gone (the gate before purging or deleting a retired type).")
    Integer belowOption;

    int below;

    @Option(names = "--json", description = "Print {\"type\", \"below\", \"drained\", \"remaining\": {version: count}}.")
    boolean json;

    private String scope() {
        return below == Integer.MAX_VALUE ? "" : " below v" + below;
    }

    @Override
    public Integer call() {
        Args.type(spec, type);
        below = belowOption == null ? Integer.MAX_VALUE : belowOption;
        if (below < 1) {
            throw new ParameterException(spec.commandLine(), "--below must be a version, 1 or more, was " + below);
        }
        List<JobCount> counts;
        try (JdbcStore store = storeOptions.open()) {
            counts = NodeTtlOption.jobInspector(store).versions(type);
        }
        // The answer and the remaining counts come from this one snapshot, the same test as
        // BatonInspector.drained, so the verdict can never disagree with the numbers printed next to it.
        Map<Integer, Map<String, Long>> remaining = new TreeMap<>();
        for (JobCount count : counts) {
            if (count.version() < below && (count.state().isPending() || count.state() == JobState.RUNNING)) {
                remaining.computeIfAbsent(count.version(), v -> new TreeMap<>())
                        .merge(count.state().code(), count.count(), Long::sum);
            }
        }
        boolean drained = remaining.isEmpty();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("type", type);
            result.put("below", belowOption);
            result.put("drained", drained);
            result.put("remaining", remaining.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> total(e.getValue()), Long::sum, TreeMap::new)));
            out.println(Json.write(result));
        } else if (drained) {
            out.println("drained: no " + type + " job" + scope() + " is waiting, scheduled, retrying or running");
        } else {
            long total = remaining.values().stream().mapToLong(DrainedCommand::total).sum();
            out.println("not drained: " + total + " " + type + " job" + (total == 1 ? "" : "s") + scope()
                    + " still waiting or running (" + remaining.entrySet().stream()
                            .map(e -> "v" + e.getKey() + ": " + e.getValue().entrySet().stream()
                                    .map(s -> s.getValue() + " " + s.getKey()).collect(Collectors.joining(", ")))
                            .collect(Collectors.joining("; ")) + ")");
        }
        return drained ? 0 : 1;
    }

    private static long total(Map<String, Long> byState) {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }
}
