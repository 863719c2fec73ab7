package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a job type as retired: nothing should enqueue it any more, and the jobs still stored are
 * completed without running anything (a no-op reader) and counted. Register it with
 * {@link BatonBuilder#retire(Class)}; once {@code drained}, delete the record (keep
 * {@link BatonBuilder#retire(String, String)} until then) and purge what is left.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Retired {

    /** Why the type was retired, for people reading the code and the check report. */
    String reason() default "";
}
