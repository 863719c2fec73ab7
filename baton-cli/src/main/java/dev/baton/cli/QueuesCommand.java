package dev.baton.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "queues", mixinStandardHelpOptions = true,
        description = {"Moves jobs between queues: baton queues migrate --help.",
                "Example: baton queues migrate --from mail --to newsletters --yes"},
        subcommands = QueuesMigrateCommand.class)
final class QueuesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
