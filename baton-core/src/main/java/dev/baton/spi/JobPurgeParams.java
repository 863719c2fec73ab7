package dev.baton.spi;

import java.time.Instant;

/**
 * Moves every waiting, scheduled and retrying job of {@code type} to the archive table, in one
 * transaction. Running jobs are left to finish.
 */
public record JobPurgeParams(String type, Instant archivedAt) {}
