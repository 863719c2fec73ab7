package dev.baton.storetest;

import dev.baton.Baton;
import dev.baton.Enqueued;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.awaitility.Awaitility;

/**
 * Enqueues jobs at a steady pace from whichever node is "the web" right now, so that a deploy happens
 * under traffic: the test swaps the web node and the job factory mid-stream, as a rolling deploy does.
 */
public final class SteadyProducer implements AutoCloseable {

    /** One enqueue, with the release of the node that made it. */
    public record Sent(Enqueued job, String release) {}

    private record Source(Baton web, LongFunction<Object> jobs) {}

    private final AtomicReference<Source> source = new AtomicReference<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public SteadyProducer(Baton web, LongFunction<Object> jobs) {
        source.set(new Source(web, jobs));
        thread = new Thread(this::produce, "steady-producer");
        thread.setDaemon(true);
        thread.start();
    }

    /** From now on, enqueue from {@code web} with {@code jobs}. Returns once the next enqueue uses it. */
    public void switchTo(Baton web, LongFunction<Object> jobs) {
        source.set(new Source(web, jobs));
        int before = sent.size();
        awaitSent(before + 1);
    }

    /** Waits until {@code more} further jobs were enqueued. */
    public void awaitMore(int more) {
        awaitSent(sent.size() + more);
    }

    private void awaitSent(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() >= count || !failures.isEmpty());
        if (!failures.isEmpty()) {
            throw new AssertionError("enqueue failed", failures.get(0));
        }
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private void produce() {
        while (running) {
            Source now = source.get();
            try {
                Enqueued job = now.web().enqueue(now.jobs().apply(sequence.incrementAndGet()));
                sent.add(new Sent(job, now.web().release()));
            } catch (RuntimeException e) {
                failures.add(e);
                return;
            }
            // Pacing, not waiting for a condition: a web tier enqueues at a rate, not in a tight loop.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops producing and returns once the last enqueue is done; idempotent. */
    public void stop() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
