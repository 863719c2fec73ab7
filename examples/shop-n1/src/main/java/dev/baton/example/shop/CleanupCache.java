package dev.baton.example.shop;

import dev.baton.Job;
import dev.baton.Retired;

/**
 * Seeds 001 and 003: the job this release deletes. Nothing in this release enqueues it any more; the record
 * stays, marked {@link Retired}, with its handler, until {@code baton drained cleanup-cache} passes in
 * production: whatever N's web still enqueues during the deploy really runs, in either deploy order, and
 * {@code baton check} knows the deletion is deliberate. The release after that deletes the record (and
 * check then asks for the drain).
 */
@Retired(reason = "the cache is gone since the move to the CDN")
@Job(name = "cleanup-cache")
public record CleanupCache(String key) {}
