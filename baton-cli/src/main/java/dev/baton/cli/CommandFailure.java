package dev.baton.cli;

/**
 * A command that cannot go on, with the exit code it ends with and a message that says what is wrong and the
 * fix. Printed on one line, without a stack trace, by {@link ErrorHandler}.
 */
final class CommandFailure extends RuntimeException {

    private final int exitCode;

    CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static CommandFailure usage(String message) {
        return new CommandFailure(ExitCode.USAGE, message, null);
    }

    int exitCode() {
        return exitCode;
    }
}
