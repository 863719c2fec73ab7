package dev.baton.spi;

import java.time.Instant;

/** Moves the archived jobs of {@code type} back into the jobs table as waiting, due at {@code now}, attempts reset. */
public record ArchiveRestoreParams(String type, Instant now) {}
