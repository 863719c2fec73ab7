package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a record component optional: a payload without it reads as this value. Adding a field with a
 * default is safe in both directions of a rolling deploy, in one release.
 *
 * <pre>{@code
 * @Job(name = "compute-foobar")
 * record ComputeFoobar(long groupId, LocalDate start, LocalDate end, @Default("false") boolean computePast) {}
 * }</pre>
 *
 * <p>The value is JSON text ({@code "false"}, {@code "0"}, {@code "[]"}, {@code "null"}), except for
 * components that are written as JSON strings (String, enums, java.time values, UUID), where it is the
 * string itself: {@code @Default("EUR") String currency}. A component of type {@link java.util.Optional}
 * is optional without this annotation and defaults to empty.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Default {

    String value();
}
