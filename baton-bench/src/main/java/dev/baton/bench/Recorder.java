package dev.baton.bench;

import dev.baton.JobContext;
import dev.baton.JobHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The no-op handler, which is also the bench's own count of what ran: the ids it saw, each one's start
 * time when asked, and every call, so that a duplicate shows as more calls than ids. Drains end on this
 * count, never on Baton's own view of the store.
 */
final class Recorder implements JobHandler<NoopJob> {

    private final boolean timeStarts;
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> startNanos = new ConcurrentHashMap<>();
    private final AtomicLong distinct = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong scheduledRuns = new AtomicLong();
    private volatile Waiter waiter;

    /** @param timeStarts whether to keep each job's start time, for the latency runs */
    Recorder(boolean timeStarts) {
        this.timeStarts = timeStarts;
    }

    @Override
    public void handle(NoopJob job, JobContext context) {
        long now = System.nanoTime();
        runs.incrementAndGet();
        if (!seen.add(context.id())) {
            return;
        }
        if (timeStarts) {
            startNanos.put(context.id(), now);
        }
        long count = distinct.incrementAndGet();
        Waiter w = waiter;
        if (w != null && count >= w.target()) {
            w.reached().countDown();
        }
    }

    /** The handler of the scheduled rows, which must never run: they are due in a year. */
    JobHandler<ScheduledJob> scheduledHandler() {
        return (job, context) -> scheduledRuns.incrementAndGet();
    }

    /**
     * Waits until {@code target} distinct jobs have started. One waiter at a time; it is woken once, when the
     * count is reached, not at every job, so that waiting costs the drain nothing.
     *
     * @return false when the deadline came first
     */
    boolean awaitDistinct(long target, Deadline deadline) throws InterruptedException {
        Waiter w = new Waiter(target, new CountDownLatch(1));
        waiter = w;
        // Read after publishing the waiter: a job counted before it was visible is seen here instead.
        if (distinct.get() >= target) {
            return true;
        }
        return w.reached().await(deadline.remainingNanos(), TimeUnit.NANOSECONDS) || distinct.get() >= target;
    }

    long distinct() {
        return distinct.get();
    }

    long runs() {
        return runs.get();
    }

    long scheduledRuns() {
        return scheduledRuns.get();
    }

    /** The start time of a job, or {@code null} when it has not started (or starts were not timed). */
    Long startNanos(long id) {
        return startNanos.get(id);
    }

    private record Waiter(long target, CountDownLatch reached) {}
}
