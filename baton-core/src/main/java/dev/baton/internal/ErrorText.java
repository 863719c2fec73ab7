package dev.baton.internal;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A failure as kept in a job's last error: message and stack trace, bounded in size. */
final class ErrorText {

    /** Deep frameworks produce stack traces of hundreds of KB; the top is what people read. */
    static final int MAX_CHARS = 16_000;

    private ErrorText() {}

    static String of(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "\n\t... (truncated)";
    }

    static String summary(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
