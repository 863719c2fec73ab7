package dev.baton.cli.deploy;

import dev.baton.BatonException;

/** A node of a scenario's fleet could not be started, driven or stopped; the message names the node and its log. */
public final class FleetException extends BatonException {

    public FleetException(String message) {
        super(message);
    }

    public FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
