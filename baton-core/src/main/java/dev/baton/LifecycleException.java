package dev.baton;

/** A method was called in a state where it cannot run: enqueue before start, start after close. */
public final class LifecycleException extends BatonException {

    public LifecycleException(String message) {
        super(message);
    }
}
