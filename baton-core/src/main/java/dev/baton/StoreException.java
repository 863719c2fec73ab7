package dev.baton;

/** The job store failed an operation: a database error, a lost connection, a missing schema. */
public final class StoreException extends BatonException {

    private final String operation;
    private final boolean outcomeUnknown;

    public StoreException(String operation, String message, Throwable cause) {
        this(operation, message, cause, false);
    }

    /**
     * @param outcomeUnknown true when the failure came after the commit was sent (its acknowledgement was
     *     lost), so the operation may have taken effect
     */
    public StoreException(String operation, String message, Throwable cause, boolean outcomeUnknown) {
        super(operation + ": " + message, cause);
        this.operation = operation;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The store operation that failed, for example {@code jobClaim}. */
    public String operation() {
        return operation;
    }

    /**
     * True when the commit was sent but its answer never came back: the operation may or may not have
     * taken effect. An enqueue with a unique key is safe to retry: a job that did commit is then reported
     * as a duplicate instead of inserted twice (while it is unfinished).
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
