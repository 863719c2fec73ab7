package dev.baton.chaos;

/** The run itself could not do what it set out to (a fault that did not happen, a worker that never started). */
final class ChaosException extends RuntimeException {

    ChaosException(String message) {
        super(message);
    }

    ChaosException(String message, Throwable cause) {
        super(message, cause);
    }
}
