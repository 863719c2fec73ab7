package dev.baton.cli;

import dev.baton.check.ContractSet;
import dev.baton.check.LiveState;
import dev.baton.check.Lockfile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
                "Exit 0: written; 1: a @Job record the runtime would refuse; 2: usage error",
                "(bad option, unreadable lockfile or classpath); 3: the live store could not be read.",
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
        Lockfile updated = CheckCommand.readLockfile(lockfile).withSnapshot(contracts, keep);
        LiveState live = CheckCommand.readLive(jdbcUrl, ttl.nodeTtl);
        if (live != null) {
            updated = updated.pruned(live);
        }
        try {
            updated.write(lockfile);
        } catch (UncheckedIOException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage() + " (" + e.getCause().getMessage() + ")", e);
        }
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
        return ExitCode.OK;
    }
}
