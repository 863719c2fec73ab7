package dev.baton.spi;

import java.time.Instant;

/** Extends, in one statement, the lease of every job running under {@code owner}. */
public record JobLeaseExtendParams(String owner, Instant leaseExpiresAt) {}
