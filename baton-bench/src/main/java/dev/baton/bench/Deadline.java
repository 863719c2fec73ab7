package dev.baton.bench;

import java.time.Duration;

/** The end of one measurement's time cap, on the monotonic clock. */
record Deadline(long endNanos) {

    static Deadline after(Duration cap) {
        return new Deadline(System.nanoTime() + cap.toNanos());
    }

    long remainingNanos() {
        return Math.max(0, endNanos - System.nanoTime());
    }

    boolean passed() {
        return remainingNanos() == 0;
    }
}
