package dev.baton.spi;

/** How many jobs share one (type, version, queue, state). */
public record JobCount(String type, int version, String queue, JobState state, long count) {}
