package dev.baton.cli;

import dev.baton.ConfigException;
import dev.baton.check.CheckFormatException;
import dev.baton.check.Checker;
import dev.baton.check.ContractSet;
import dev.baton.check.FailOn;
import dev.baton.check.LiveState;
import dev.baton.check.Lockfile;
import dev.baton.check.Report;
import dev.baton.check.ReportPrinter;
import dev.baton.jdbc.JdbcStore;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Catches a job change that would break jobs in flight, before it is deployed.",
                "Compares the @Job records of a build with the lockfile (the contracts of the",
                "releases that may still run or have jobs waiting) and, with --jdbc-url, with",
                "the live fleet and its waiting jobs. Each changed type is a finding naming the",
                "rule, the type and versions, the direction that breaks (old payload -> new",
                "worker, new payload -> old worker, rollback), the fix, and the plan with the",
                "command gating each step.",
                "Exit 0: safe, or only warnings; 1: a finding fails the check (--fail-on);",
                "2: usage error (bad option, unreadable lockfile or classpath);",
                "3: the live store could not be read.",
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

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "breaking", converter = FailOnConverter.class,
            description = "What fails the check (exit 1): breaking (default): BREAKING findings, and NEEDS_STEPS "
                    + "findings with a step the live store shows not yet done; needs-steps: also NEEDS_STEPS "
                    + "findings with a step not known to be done; never: report only. NEEDS_STEPS findings that "
                    + "do not fail are printed as warnings.")
    FailOn failOn;

    @Mixin
    NodeTtlOption ttl;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ContractSet contracts = build.scan();
        Lockfile lock = readLockfile(lockfile);
        LiveState live = readLive(jdbcUrl, ttl.nodeTtl);
        if (!Files.exists(lockfile)) {
            spec.commandLine().getErr().println("baton check: " + Lockfile.missingMessage(lockfile.toString(),
                    snapshotCommand(), "mvn baton:snapshot"));
        }
        Report report = Checker.check(contracts, lock, live);
        boolean colour = !json && System.console() != null && System.getenv("NO_COLOR") == null;
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportPrinter.json(report, failOn) : ReportPrinter.text(report, colour, failOn));
        out.flush();
        return report.exitCode(failOn) == 0 ? ExitCode.OK : ExitCode.NO;
    }

    /** The snapshot command for this check's own classpath, release and lockfile, to copy. */
    private String snapshotCommand() {
        return "baton snapshot --classpath " + build.classpath + " --release " + build.releaseOrPlaceholder()
                + (lockfile.toString().equals(Lockfile.FILE_NAME) ? "" : " --lockfile " + lockfile);
    }

    /**
     * The lockfile, or an empty one when there is none yet.
     *
     * @throws CommandFailure exit 2 when it cannot be read or is not a lockfile
     */
    static Lockfile readLockfile(Path lockfile) {
        try {
            return Lockfile.read(lockfile);
        } catch (CheckFormatException | UncheckedIOException e) {
            throw new CommandFailure(ExitCode.USAGE, "cannot use the lockfile " + lockfile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The live store's state, or {@code null} without a URL.
     *
     * @throws CommandFailure exit 2 for a URL Baton does not support, exit 3 when the store cannot be read
     */
    static LiveState readLive(String jdbcUrl, Duration ttl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return null;
        }
        JdbcStore store;
        try {
            store = JdbcStore.connect(jdbcUrl);
        } catch (ConfigException e) {
            throw new CommandFailure(ExitCode.USAGE, "--jdbc-url: " + e.getMessage(), e);
        }
        try (store) {
            return LiveState.read(store, Instant.now(), ttl);
        } catch (RuntimeException e) {
            // Not the URL: it may carry a password.
            throw new CommandFailure(ExitCode.NOT_ANSWERED, "cannot read the live store: " + e.getMessage(), e);
        }
    }

    /** {@code --fail-on breaking|needs-steps|never}; a wrong value is a usage error naming the right ones. */
    static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
