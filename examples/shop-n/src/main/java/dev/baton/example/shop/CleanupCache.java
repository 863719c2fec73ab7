package dev.baton.example.shop;

import dev.baton.Job;

/**
 * Seeds 001 and 003: the job release N+1 deletes. N still enqueues and runs it; N+1 has no record any more
 * and retires the type by name, so whatever N left behind drains without running.
 */
@Job(name = "cleanup-cache")
public record CleanupCache(String key) {}
