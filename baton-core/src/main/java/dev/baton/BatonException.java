package dev.baton;

/**
 * The root of every exception Baton throws. Subclasses carry the data of what went wrong (the option,
 * the job type, the version) so that callers can react without parsing messages.
 */
public class BatonException extends RuntimeException {

    public BatonException(String message) {
        super(message);
    }

    public BatonException(String message, Throwable cause) {
        super(message, cause);
    }
}
