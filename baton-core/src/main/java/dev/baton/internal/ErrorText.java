package dev.baton.internal;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure as kept in a job's last error: message and stack trace, bounded in size. Never throws: a
 * handler's exception may fail to describe itself (a {@code getMessage()} that throws, a cyclic cause),
 * and that must cost the job its error text, never the worker thread that records it.
 */
final class ErrorText {

    /** Deep frameworks produce stack traces of hundreds of KB; the top is what people read. */
    static final int MAX_CHARS = 16_000;

    private ErrorText() {}

    static String of(Throwable failure) {
        String text;
        try {
            StringWriter out = new StringWriter();
            failure.printStackTrace(new PrintWriter(out));
            text = out.toString();
        } catch (Throwable broken) {
            text = fallback(failure, broken) + stackOf(failure);
        }
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "\n\t... (truncated)";
    }

    static String summary(Throwable failure) {
        try {
            String message = failure.getMessage();
            return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        } catch (Throwable broken) {
            return fallback(failure, broken);
        }
    }

    private static String fallback(Throwable failure, Throwable broken) {
        return failure.getClass().getName() + " (its message could not be read: " + broken.getClass().getName()
                + " thrown while describing it)";
    }

    /** The frames alone, which never call into the exception's own code. */
    private static String stackOf(Throwable failure) {
        StringBuilder out = new StringBuilder();
        try {
            for (StackTraceElement frame : failure.getStackTrace()) {
                out.append("\n\tat ").append(frame);
            }
        } catch (Throwable ignored) {
            // nothing more can be said about it
        }
        return out.toString();
    }
}
