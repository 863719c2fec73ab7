package dev.baton.check;

import java.util.Objects;

/**
 * One step of a deploy plan.
 *
 * @param action what to do, in words
 * @param gate the command that answers whether the step is done, such as
 *     {@code baton drained user-confirmation --below 2}; {@code null} when no command can tell
 * @param satisfied {@code TRUE} or {@code FALSE} when live state answered the gate, {@code null} when unknown
 */
public record Step(String action, String gate, Boolean satisfied) {

    public Step {
        Objects.requireNonNull(action, "action");
    }

    /** Whether the step is known to be done; an unknown step is not. */
    public boolean done() {
        return Boolean.TRUE.equals(satisfied);
    }
}
