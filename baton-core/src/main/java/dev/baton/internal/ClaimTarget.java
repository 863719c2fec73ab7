package dev.baton.internal;

import dev.baton.spi.ReadableRange;
import java.util.List;

/** One claim a queue worker makes on each round: a queue, and what it reads there. */
record ClaimTarget(String queue, List<ReadableRange> readable) {

    ClaimTarget {
        readable = List.copyOf(readable);
    }
}
