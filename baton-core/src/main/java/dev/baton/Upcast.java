package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an upcaster on the job record itself: a static method taking the payload of version
 * {@link #from()} as an {@code ObjectNode} and changing it, in place, into version {@code from + 1}.
 *
 * <pre>{@code
 * @Job(name = "user-confirmation", version = 2)
 * record UserConfirmation(long userId, String message, LocalDate date) {
 *     @Upcast(from = 1)
 *     static void addDate(ObjectNode v1) { v1.putNull("date"); }
 * }
 * }</pre>
 *
 * <p>Declared here, the chain travels with the type: every node that registers the record uses it, and
 * {@code baton check} sees it at build time. {@link BatonBuilder#upcast} does the same at run time only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Upcast {

    /** The version the method reads. */
    int from();
}
