package dev.baton.cli;

import dev.baton.check.ContractSet;
import dev.baton.check.LiveState;
import dev.baton.check.Lockfile;
import dev.baton.jdbc.JdbcStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Writes this build's job contracts into the lockfile.",
                "Keeps the releases before it that may still run or have jobs waiting.",
                "Run it when a release ships; commit the file.",
                "Example: baton snapshot --classpath target/classes --release 2026.11.3"})
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClasspathOptions build;

    @Option(names = "--lockfile", defaultValue = Lockfile.FILE_NAME, paramLabel = "FILE",
            description = "The lockfile to update (default: ${DEFAULT-VALUE}).")
    Path lockfile;

    @Option(names = "--keep", defaultValue = "3", paramLabel = "N",
            description = "Keep at most this many releases, this one included (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:BATON_JDBC_URL}",
            description = "A live store: older releases none of whose versions still run or wait are dropped.")
    String jdbcUrl;

    @Mixin
    NodeTtlOption ttl;

    @Option(names = "--json", description = "Print what was kept as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (keep < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--keep must be at least 1, was " + keep);
        }
        ContractSet contracts = build.scan();
        Lockfile updated = Lockfile.read(lockfile).withSnapshot(contracts, keep);
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            try (JdbcStore store = JdbcStore.connect(jdbcUrl)) {
                updated = updated.pruned(LiveState.read(store, Instant.now(), ttl.nodeTtl));
            }
        }
        updated.write(lockfile);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("lockfile", lockfile.toString());
            result.put("releases", updated.releases().stream().map(ContractSet::release).toList());
            result.put("types", contracts.types().size());
            out.println(Json.write(result));
        } else {
            out.println("Wrote " + lockfile + ": " + contracts.types().size() + " job types of release "
                    + contracts.release() + "; releases kept: "
                    + String.join(", ", updated.releases().stream().map(ContractSet::release).toList()));
        }
        return 0;
    }
}
