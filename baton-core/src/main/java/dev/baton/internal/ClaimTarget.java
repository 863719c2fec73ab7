package dev.baton.internal;

import dev.baton.spi.ReadableRange;
import java.util.List;
import java.util.Set;

/**
 * One claim a queue worker makes on each round: a queue, what it reads there, and which of those types it
 * only drains with a no-op reader (retired here), which it claims only while no live node runs them for
 * real.
 */
record ClaimTarget(String queue, List<ReadableRange> readable, Set<String> retired) {

    ClaimTarget(String queue, List<ReadableRange> readable) {
        this(queue, readable, Set.of());
    }

    ClaimTarget {
        readable = List.copyOf(readable);
        retired = Set.copyOf(retired);
    }

    /** What to claim now: the no-op reader's ranges left out for types some live node handles for real. */
    List<ReadableRange> readableNow(Set<String> handledElsewhere) {
        if (retired.isEmpty()) {
            return readable;
        }
        return readable.stream()
                .filter(r -> !(retired.contains(r.type()) && handledElsewhere.contains(r.type())))
                .toList();
    }
}
