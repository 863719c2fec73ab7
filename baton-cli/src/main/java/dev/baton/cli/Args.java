package dev.baton.cli;

import dev.baton.internal.Names;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks names before any store is opened, so a typo is a usage error (exit 2), not an empty answer. */
final class Args {

    private Args() {}

    static String type(CommandSpec spec, String type) {
        check(spec, Names.checkType(type));
        return type;
    }

    static String queue(CommandSpec spec, String option, String queue) {
        String problem = Names.checkQueue(queue);
        check(spec, problem == null ? null : option + ": " + problem);
        return queue;
    }

    private static void check(CommandSpec spec, String problem) {
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }
}
