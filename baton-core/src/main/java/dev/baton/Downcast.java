package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a downcaster on the job record itself: a static method taking the payload of version
 * {@link #from()} as an {@code ObjectNode} and changing it, in place, into version {@code from - 1}, so
 * that this release can write what older workers read. See {@link Upcast}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Downcast {

    /** The version the method reads. */
    int from();
}
