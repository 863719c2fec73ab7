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
            CommandLine.HelpCommand.class
        })
public final class BatonCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 usage error. */
    public static int run(String... args) {
        return new CommandLine(new BatonCli())
                .setExecutionExceptionHandler(new ErrorHandler())
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
