package dev.baton.storetest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Default;
import dev.baton.Downcast;
import dev.baton.Job;
import dev.baton.Upcast;
import java.time.LocalDate;

/** The jobs of release N+1 in the seed cases: each makes one change of the seeds to {@link ReleaseN}. */
public final class ReleaseN1 {

    private ReleaseN1() {}

    /**
     * Seeds 000, 001, 003: a required argument added. Version 2, with an upcaster and a downcaster declared
     * on the record, where every node that knows the record, and {@code baton check}, find them.
     */
    @Job(name = "user-confirmation", version = 2, queue = "mailers")
    public record UserConfirmation(long userId, String message, LocalDate date) {

        @Upcast(from = 1)
        static void addDate(ObjectNode v1) {
            v1.putNull("date");
        }

        @Downcast(from = 2)
        static void dropDate(ObjectNode v2) {
            v2.remove("date");
        }
    }

    /**
     * Seed 003: an argument removed. Version 2; the downcaster supplies what N still expects. Its casters
     * are given to the builder instead, the other way to register them.
     */
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
