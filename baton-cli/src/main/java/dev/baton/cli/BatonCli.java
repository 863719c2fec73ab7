package dev.baton.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code baton} command: one executable jar for operators and CI. */
@Command(
        name = "baton",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Background jobs that survive rolling deploys.",
        subcommands = {
            SampleCommand.class,
            DemoCommand.class,
            SimulateCommand.class,
            StatusCommand.class,
            JobsCommand.class,
            SchemaCommand.class,
            FleetCommand.class,
            VersionsCommand.class,
            DrainedCommand.class,
            StrandedCommand.class,
            PurgeCommand.class,
            RestoreCommand.class,
            QueuesCommand.class,
            CheckCommand.class,
            SnapshotCommand.class,
            dev.baton.bench.BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class BatonCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 usage error, 3 not answered. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The {@code baton} command as the jar runs it, for callers that capture its output ({@code setOut}). */
    public static CommandLine commandLine() {
        return new CommandLine(new BatonCli()).setExecutionExceptionHandler(new ErrorHandler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
