package dev.baton.example.shop;

import dev.baton.Default;
import dev.baton.Job;
import java.time.LocalDate;

/**
 * Seed 002: compute the foobar values of a group over a date range, now with the {@code computePast}
 * override the admin CLI sets to compute past ranges too. Same version as N: the field is optional with a
 * default, so N's payloads (which lack it) read as {@code computePast = false}, and N ignores it.
 */
@Job(name = "compute-foobar")
public record ComputeFoobar(long groupId, LocalDate start, LocalDate end, @Default("false") boolean computePast) {}
