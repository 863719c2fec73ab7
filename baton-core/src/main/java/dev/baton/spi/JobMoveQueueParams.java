package dev.baton.spi;

/**
 * Moves waiting, scheduled and retrying jobs from one queue to another in one transaction.
 *
 * @param type only jobs of this type, or {@code null} for all
 */
public record JobMoveQueueParams(String fromQueue, String toQueue, String type) {}
