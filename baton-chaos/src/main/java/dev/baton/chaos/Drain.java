package dev.baton.chaos;

import dev.baton.BatonInspector;
import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits, bounded, for the work to settle after the producer stops: every enqueued key has an effect, and
 * Baton has nothing waiting or running (a job whose plain effect was written just before a kill is
 * still due to run again, and that duplicate must be counted too). Baton's own view only decides how
 * long to wait; the verdict reads the record tables alone.
 */
final class Drain {

    private static final String MISSING = "SELECT count(*) FROM chaos_enqueued e"
            + " WHERE NOT EXISTS (SELECT 1 FROM chaos_effects f WHERE f.key = e.key)";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /**
     * @param missing keys without an effect when the wait ended
     * @param batonIdle whether Baton had nothing waiting or running then
     */
    record Outcome(long missing, boolean batonIdle, Duration took) {
        boolean settled() {
            return missing == 0 && batonIdle;
        }
    }

    private Drain() {}

    static Outcome await(AdminConnection admin, BatonInspector baton, Duration timeout, PrintStream out) {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        long progress = begin + PROGRESS_EVERY.toNanos();
        long missing = -1;
        boolean idle = false;
        while (true) {
            try {
                missing = missing(admin);
                idle = idle(baton);
            } catch (SQLException | RuntimeException e) {
                out.println("  drain: cannot read the state yet: " + e.getMessage());
            }
            long now = System.nanoTime();
            Duration took = Duration.ofNanos(now - begin);
            if ((missing == 0 && idle) || now - deadline > 0) {
                return new Outcome(missing, idle, took);
            }
            if (now - progress > 0) {
                out.printf("  drain: %ds, %d keys without an effect, Baton %s%n", took.toSeconds(), missing,
                        idle ? "idle" : "still has jobs waiting or running");
                progress = now + PROGRESS_EVERY.toNanos();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    private static long missing(AdminConnection admin) throws SQLException {
        try (PreparedStatement ps = admin.connection().prepareStatement(MISSING); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean idle(BatonInspector baton) {
        return baton.drained("chaos-plain", Integer.MAX_VALUE) && baton.drained("chaos-tx", Integer.MAX_VALUE);
    }
}
