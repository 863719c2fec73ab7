package dev.baton;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a payload of version k into one of version k+1, in place, so that newer code reads older
 * payloads: {@code .upcast(UserConfirmation.class, 1, v1 -> v1.putNull("date"))}. It runs on the JSON
 * tree, before the record exists, and must not fail for any payload version k could have written.
 */
@FunctionalInterface
public interface Upcaster {

    void apply(ObjectNode payload);
}
