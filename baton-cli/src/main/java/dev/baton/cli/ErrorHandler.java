package dev.baton.cli;

import dev.baton.BatonException;
import picocli.CommandLine;

/** Baton's own errors already say what is wrong and how to fix it: print the message, not a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof BatonException) {
            commandLine.getErr().println("baton: " + e.getMessage());
            return 1;
        }
        throw new IllegalStateException(e);
    }
}
