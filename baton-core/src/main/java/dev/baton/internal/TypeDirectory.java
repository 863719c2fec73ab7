package dev.baton.internal;

import java.util.HashMap;
import java.util.Map;

/** Finds what runs a claimed job by the name it was stored under: a type's name or one of its aliases. */
final class TypeDirectory {

    private final Map<String, Registration<?>> registrations = new HashMap<>();
    private final Map<String, RetiredType> retired = new HashMap<>();

    TypeDirectory(NodeConfig config) {
        config.registrations().values().forEach(r -> r.info().storedNames().forEach(name -> registrations.put(name, r)));
        config.retired().values().forEach(t -> t.storedNames().forEach(name -> retired.put(name, t)));
    }

    /** @return null when no handled type answers to the name */
    Registration<?> registration(String storedType) {
        return registrations.get(storedType);
    }

    /** @return null when no retired type answers to the name */
    RetiredType retired(String storedType) {
        return retired.get(storedType);
    }
}
