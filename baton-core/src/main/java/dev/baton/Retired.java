package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a job type as retired: nothing should enqueue it any more. A node drains its stored jobs in one
 * of two ways:
 * <ul>
 *   <li>{@link BatonBuilder#handle(Class, JobHandler)}: it keeps a real handler until the type is
 *       {@code drained}, so every job still enqueued by an older release's producers really runs;
 *   <li>{@link BatonBuilder#retire(Class)}: a no-op reader completes the jobs without running anything,
 *       and counts them ({@code RETIRED}). It takes a job only while no live node has a real handler for
 *       the type, so nothing a live node could run is skipped.
 * </ul>
 * Once {@code drained}, delete the record (keep {@link BatonBuilder#retire(String, String)} until then)
 * and purge what is left.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Retired {

    /** Why the type was retired, for people reading the code and the check report. */
    String reason() default "";
}
