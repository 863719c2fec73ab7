package dev.baton.cli;

import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.ArchiveRestoreParams;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Puts the purged jobs of TYPE back from the archive.",
                "They become waiting jobs, due now, with their attempts reset.",
                "Example: baton restore cleanup-cache"})
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "TYPE", description = "The stored job type name, e.g. cleanup-cache.")
    String type;

    @Option(names = "--json", description = "Print {\"type\", \"restored\"}.")
    boolean json;

    @Override
    public Integer call() {
        Args.type(spec, type);
        int restored;
        try (JdbcStore store = storeOptions.open()) {
            restored = store.archiveRestore(new ArchiveRestoreParams(type, Instant.now()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("type", type);
            result.put("restored", restored);
            out.println(Json.write(result));
        } else if (restored == 0) {
            out.println("no archived " + type + " jobs: nothing restored");
        } else {
            out.println("restored " + restored + " " + type + " job" + (restored == 1 ? "" : "s") + " as waiting");
        }
        return 0;
    }
}
