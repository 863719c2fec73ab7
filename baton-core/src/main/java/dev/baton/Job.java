package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java record as a job type.
 *
 * <p>The stored identity of a job is {@link #name()} and {@link #version()}, never the record's class
 * name: renaming the class or moving its package changes nothing that is stored.
 *
 * <pre>{@code
 * @Job(name = "user-confirmation", version = 1, queue = "mailers")
 * record UserConfirmation(long userId, String message) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Job {

    /** Stable kebab-case name of what the job does, for example {@code user-confirmation}. */
    String name();

    /** Payload contract version, a positive int raised when older code could no longer read the payload. */
    int version() default 1;

    /** The queue the job is enqueued on; a worker serves a queue with a set concurrency. */
    String queue() default "default";

    /**
     * Former names of this type. Jobs stored under an alias are claimed and run as this type, so a type
     * can be renamed in one release: {@code @Job(name = "user-confirmation", aliases = "confirm-user")}.
     */
    String[] aliases() default {};
}
