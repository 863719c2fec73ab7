package dev.baton.chaos;

import dev.baton.JobContext;

/** A handler's work: time, so that jobs are in flight when a fault hits. Stops early when Baton cancels. */
final class SimulatedWork {

    private static final long SLICE_MILLIS = 20;

    private SimulatedWork() {}

    static void perform(int millis, JobContext context) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            if (context.isCancelled()) {
                throw new InterruptedException("job " + context.id() + " was cancelled");
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(left, SLICE_MILLIS));
        }
    }
}
