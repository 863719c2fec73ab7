package dev.baton;

import java.time.Duration;

/** A run took longer than its type's timeout and was cancelled; it counts as a failed attempt. */
public final class JobTimeoutException extends BatonException {

    private final String type;
    private final long jobId;
    private final Duration timeout;

    public JobTimeoutException(String type, long jobId, Duration timeout) {
        super("job " + type + " #" + jobId + " ran longer than its timeout of " + timeout
                + "; raise it with JobSettings.withTimeout(...) if the work is legitimately slow");
        this.type = type;
        this.jobId = jobId;
        this.timeout = timeout;
    }

    public String type() {
        return type;
    }

    public long jobId() {
        return jobId;
    }

    public Duration timeout() {
        return timeout;
    }
}
