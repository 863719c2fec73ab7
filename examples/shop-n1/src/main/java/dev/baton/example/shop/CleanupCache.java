package dev.baton.example.shop;

import dev.baton.Job;
import dev.baton.Retired;

/**
 * Seeds 001 and 003: the job this release deletes. Nothing enqueues it any more; the record stays, marked
 * {@link Retired}, until {@code baton drained cleanup-cache} passes in production, so that whatever N
 * left behind drains without running and {@code baton check} knows the deletion is deliberate. The
 * release after that deletes the record (and check then asks for the drain).
 */
@Retired(reason = "the cache is gone since the move to the CDN")
@Job(name = "cleanup-cache")
public record CleanupCache(String key) {}
