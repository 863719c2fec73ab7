package dev.baton.example.shop;

import dev.baton.Job;

/**
 * Seed 003's canary: a job type new in this release. Enqueued by this release's web nodes before any of
 * its workers run, it waits, shown as stranded, until a worker that handles it joins.
 */
@Job(name = "export-report")
public record ExportReport(long reportId) {}
