package dev.baton.chaos;

import java.time.Duration;

/** A fault due {@code offset} after the producer starts. */
record PlannedFault(Duration offset, FaultKind kind) {}
