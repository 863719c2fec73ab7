package dev.baton;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a payload of version k+1 into one of version k, in place, so that newer code can write what
 * older workers still in the fleet read: {@code .downcast(UserConfirmation.class, 2, v2 -> v2.remove("date"))}.
 */
@FunctionalInterface
public interface Downcaster {

    void apply(ObjectNode payload);
}
