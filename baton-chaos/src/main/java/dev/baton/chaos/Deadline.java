package dev.baton.chaos;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The run's hard bound: past it the process exits 1 wherever it is, and the shutdown hook kills every
 * worker JVM. CI must never hang on a run that lost its way.
 */
final class Deadline {

    private Deadline() {}

    static void start(Duration limit, Supplier<String> phase) {
        long end = System.nanoTime() + limit.toNanos();
        Thread watchdog = new Thread(() -> {
            long left;
            while ((left = end - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
            System.out.println("FAILED: the run passed its hard deadline of " + limit.toSeconds() + "s while "
                    + phase.get() + "; killing every worker and exiting 1");
            System.out.flush();
            System.exit(1);
        }, "chaos-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
