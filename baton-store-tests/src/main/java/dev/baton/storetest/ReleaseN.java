package dev.baton.storetest;

import dev.baton.Job;
import java.time.LocalDate;

/**
 * The jobs of release N in the seed cases: the code running in production before the deploy. Release
 * N+1 ({@link ReleaseN1}) changes each of them the way one of the seeds does.
 */
public final class ReleaseN {

    private ReleaseN() {}

    /** Seed 001: the user confirmation job, before it gains a date. */
    @Job(name = "user-confirmation", queue = "mailers")
    public record UserConfirmation(long userId, String message) {}

    /** Seed 003: a worker that has an argument N+1 removes. */
    @Job(name = "sync-profile")
    public record SyncProfile(long userId, String source) {}

    /** Seed 002: the date-range computation, before the computePast override exists. */
    @Job(name = "compute-foobar")
    public record ComputeFoobar(long groupId, LocalDate start, LocalDate end) {}

    /** Seed 001: the job N+1 renames. */
    @Job(name = "confirm-email")
    public record ConfirmEmail(long userId) {}

    /** Seed 001/003: the job N+1 deletes. */
    @Job(name = "cleanup-cache")
    public record CleanupCache(String key) {}

    /** Seed 003: a job whose queue N+1 renames. */
    @Job(name = "send-newsletter", queue = "mail")
    public record SendNewsletter(long issue, long userId) {}
}
