package dev.baton.storetest;

import dev.baton.Default;
import dev.baton.Job;
import java.time.LocalDate;

/** The jobs of release N+1 in the seed cases: each makes one change of the seeds to {@link ReleaseN}. */
public final class ReleaseN1 {

    private ReleaseN1() {}

    /** Seeds 000, 001, 003: a required argument added. Version 2, with an upcaster and a downcaster. */
    @Job(name = "user-confirmation", version = 2, queue = "mailers")
    public record UserConfirmation(long userId, String message, LocalDate date) {}

    /** Seed 003: an argument removed. Version 2; the downcaster supplies what N still expects. */
    @Job(name = "sync-profile", version = 2)
    public record SyncProfile(long userId) {}

    /** Seed 002: a field added with a default, same version: readable in both directions, one release. */
    @Job(name = "compute-foobar")
    public record ComputeFoobar(long groupId, LocalDate start, LocalDate end, @Default("false") boolean computePast) {}

    /** Seed 001: renamed, with the old name as an alias; the Java class name changed too. */
    @Job(name = "email-confirmation", aliases = "confirm-email")
    public record EmailConfirmation(long userId) {}

    /** Seed 003: moved to another queue. */
    @Job(name = "send-newsletter", queue = "newsletters")
    public record SendNewsletter(long issue, long userId) {}

    /** Seed 003's canary: a type N has never heard of. */
    @Job(name = "export-report")
    public record ExportReport(long reportId) {}
}
