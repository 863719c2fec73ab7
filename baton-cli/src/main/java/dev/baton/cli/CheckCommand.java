package dev.baton.cli;

import dev.baton.check.Checker;
import dev.baton.check.ContractSet;
import dev.baton.check.LiveState;
import dev.baton.check.Lockfile;
import dev.baton.check.Report;
import dev.baton.check.ReportPrinter;
import dev.baton.jdbc.JdbcStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Catches a job change that would break jobs in flight, before it is deployed.",
                "Compares the @Job records of a build with the lockfile (the contracts of the",
                "releases that may still run or have jobs waiting) and, with --jdbc-url, with",
                "the live fleet and its waiting jobs. Each finding names the rule, the type and",
                "versions, the direction that breaks (old payload -> new worker, new payload ->",
                "old worker, rollback), the fix, and the plan with the command gating each step.",
                "Exit 0: safe; 1: breaking, or steps not yet satisfied; 2: usage error;",
                "3: the store could not be read.",
                "Example: baton check --classpath target/classes --jdbc-url URL"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClasspathOptions build;

    @Option(names = "--lockfile", defaultValue = Lockfile.FILE_NAME, paramLabel = "FILE",
            description = "The lockfile to compare with (default: ${DEFAULT-VALUE}); `baton snapshot` writes it.")
    Path lockfile;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:BATON_JDBC_URL}",
            description = "A live store (env BATON_JDBC_URL): the fleet's readable ranges and the jobs actually "
                    + "waiting answer the plan's steps.")
    String jdbcUrl;

    @Mixin
    NodeTtlOption ttl;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ContractSet contracts = build.scan();
        LiveState live = null;
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            try (JdbcStore store = JdbcStore.connect(jdbcUrl)) {
                live = LiveState.read(store, Instant.now(), ttl.nodeTtl);
            }
        }
        Report report = Checker.check(contracts, Lockfile.read(lockfile), live);
        boolean colour = !json && System.console() != null && System.getenv("NO_COLOR") == null;
        spec.commandLine().getOut().print(json ? ReportPrinter.json(report) : ReportPrinter.text(report, colour));
        spec.commandLine().getOut().flush();
        return report.exitCode();
    }
}
