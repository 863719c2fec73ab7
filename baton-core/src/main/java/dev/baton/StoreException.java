package dev.baton;

/** The job store failed an operation: a database error, a lost connection, a missing schema. */
public final class StoreException extends BatonException {

    private final String operation;

    public StoreException(String operation, String message, Throwable cause) {
        super(operation + ": " + message, cause);
        this.operation = operation;
    }

    /** The store operation that failed, for example {@code jobClaim}. */
    public String operation() {
        return operation;
    }
}
