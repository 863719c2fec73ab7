package dev.baton.spi;

import java.time.Instant;

/**
 * Hands a running job back without counting the run, because this node could not read it: waiting
 * again, due at {@code runAt}, unleased, with {@code reason} as its last error. A release that can read
 * it will; the job is never marked dead for being unreadable here. Fenced like an outcome.
 */
public record JobParkParams(long id, int attempt, Instant runAt, String reason) {}
