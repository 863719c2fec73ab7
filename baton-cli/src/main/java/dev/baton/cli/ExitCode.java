package dev.baton.cli;

/**
 * The exit codes every command shares (docs/cli.md has the table), so that a pipeline can tell "the answer
 * is no" from "the command was wrong" from "the question could not be answered".
 */
final class ExitCode {

    /** Done; the answer is yes ({@code check}: safe, or only warnings). */
    static final int OK = 0;
    /** The answer is no ({@code check}: a finding fails it under {@code --fail-on}; {@code drained}: not drained). */
    static final int NO = 1;
    /** A usage error: a bad option or value, a file or classpath that does not exist or cannot be read. */
    static final int USAGE = 2;
    /** The question could not be answered: the store could not be read, or another Baton error. */
    static final int NOT_ANSWERED = 3;

    private ExitCode() {}
}
