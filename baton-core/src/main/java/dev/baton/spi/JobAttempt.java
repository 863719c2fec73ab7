package dev.baton.spi;

/** One run of a job, identified by job id and attempt number: the fencing token of every write about it. */
public record JobAttempt(long id, int attempt) {}
