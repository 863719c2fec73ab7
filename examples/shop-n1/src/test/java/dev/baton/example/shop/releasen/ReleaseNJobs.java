package dev.baton.example.shop.releasen;

import dev.baton.Job;
import java.time.LocalDate;

/**
 * Release N's job records, copied into a test package of release N+1 to produce genuine N payloads in the
 * same store: Baton stores type names and versions, never class or package names, so these write exactly
 * what shop-n.jar writes.
 */
public final class ReleaseNJobs {

    private ReleaseNJobs() {}

    @Job(name = "user-confirmation", queue = "mailers")
    public record UserConfirmation(long userId, String message) {}

    @Job(name = "compute-foobar")
    public record ComputeFoobar(long groupId, LocalDate start, LocalDate end) {}

    @Job(name = "do-something")
    public record DoSomething(long arg1) {}

    @Job(name = "cleanup-cache")
    public record CleanupCache(String key) {}

    @Job(name = "send-newsletter", queue = "mail")
    public record SendNewsletter(long issue, long userId) {}

    @Job(name = "confirm-email")
    public record ConfirmEmail(long userId) {}
}
