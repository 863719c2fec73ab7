package dev.baton;

/** How many runs of (type, stored version) on this node ended in {@code outcome} since it started. */
public record RunCount(String type, int version, RunOutcome outcome, long count) {}
