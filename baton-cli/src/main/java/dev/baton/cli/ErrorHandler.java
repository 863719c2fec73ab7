package dev.baton.cli;

import dev.baton.BatonException;
import picocli.CommandLine;

/**
 * Baton's own errors already say what is wrong and how to fix it: print the message, not a stack trace.
 * They exit 3, apart from 1: a pipeline gating on {@code drained} or {@code check} must be able to tell
 * "the answer is no" (1) from "the question could not be answered" (3), such as an unreachable store.
 * A {@link CommandFailure} ends with the code it carries ({@link ExitCode}), its message on one line.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int ERROR = ExitCode.NOT_ANSWERED;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof CommandFailure failure) {
            // One line, even when a driver's message (quoted in it) spans several: CI logs grep for it.
            String message = failure.getMessage().replaceAll("\\s*\\R\\s*", " ");
            commandLine.getErr().println("baton " + commandLine.getCommandName() + ": " + message);
            return failure.exitCode();
        }
        if (e instanceof BatonException) {
            commandLine.getErr().println("baton: " + e.getMessage());
            return ERROR;
        }
        throw new IllegalStateException(e);
    }
}
