package dev.baton.example.shop;

import dev.baton.Job;
import java.time.LocalDate;

/**
 * Seed 002: compute the foobar values of a group over a date range. Past ranges are skipped and ranges
 * starting in the past are trimmed to today ({@link FoobarComputation}). Release N+1 adds the
 * {@code computePast} override for the admin CLI.
 */
@Job(name = "compute-foobar")
public record ComputeFoobar(long groupId, LocalDate start, LocalDate end) {}
