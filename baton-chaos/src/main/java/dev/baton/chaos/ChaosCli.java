package dev.baton.chaos;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar baton-chaos.jar run ...} orchestrates a chaos run; the worker JVMs it starts run the
 * same jar as {@code worker ...}, so that every process runs exactly the same build.
 */
@Command(name = "baton-chaos", mixinStandardHelpOptions = true,
        description = "Worker JVMs on PostgreSQL under crashes; counts lost and duplicated jobs from the handlers' own record.",
        subcommands = {RunCommand.class, WorkerCommand.class, CommandLine.HelpCommand.class})
public final class ChaosCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
