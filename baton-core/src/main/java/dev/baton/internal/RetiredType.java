package dev.baton.internal;

import java.util.List;

/**
 * A job type this node completes without running anything, so that jobs enqueued before it was retired
 * drain instead of failing.
 */
public record RetiredType(String name, String queue, List<String> aliases, /* null when retired by name */ Class<?> recordClass) {

    public RetiredType {
        aliases = List.copyOf(aliases);
    }

    public List<String> storedNames() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
    }
}
