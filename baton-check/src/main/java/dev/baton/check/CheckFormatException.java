package dev.baton.check;

import dev.baton.BatonException;

/** A contract set or lockfile whose JSON is not what {@code baton snapshot} writes; the message says where. */
public class CheckFormatException extends BatonException {

    public CheckFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
