package dev.baton.bench;

import dev.baton.Enqueued;
import dev.baton.bench.Results.Latency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Latency from enqueue commit to handler start. The commit time is taken when {@code enqueue} returns (it
 * commits before it returns), the start time in the handler; both from {@code System.nanoTime} of this JVM.
 */
final class LatencyBench {

    /** Samples before the measured ones, so that the JIT and the pools are warm. */
    static final int WARMUP = 20;
    /** Between idle samples: the worker records the completion and goes back to waiting. */
    private static final long IDLE_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Enqueueing threads of the fixed-rate run: one enqueue is a round trip, which one thread may not keep up with. */
    private static final int SENDERS = 4;
    private static final long SENDERS_START_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private LatencyBench() {}

    /** One job at a time into an idle node, each waited for before the next. */
    static Latency idle(BenchTarget target, BenchSettings settings, Findings findings) throws InterruptedException {
        try (LatencyRig rig = LatencyRig.open(target, settings, "latency_idle")) {
            Deadline deadline = Deadline.after(settings.maxTime());
            Map<Long, Long> commits = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            for (int i = 0; i < WARMUP + settings.idleSamples() && !deadline.passed(); i++) {
                if (i == WARMUP) {
                    start = System.nanoTime();
                }
                long next = rig.recorder().distinct() + 1;
                Enqueued job = rig.producer().enqueue(new NoopJob(i));
                long committed = System.nanoTime();
                if (i >= WARMUP) {
                    commits.put(job.id(), committed);
                }
                if (!rig.recorder().awaitDistinct(next, deadline)) {
                    break;
                }
                LockSupport.parkNanos(IDLE_GAP_NANOS);
            }
            return summary("latency from idle", rig, commits, settings.idleSamples(), System.nanoTime() - start,
                    settings, findings);
        }
    }

    /** Jobs arriving at {@code --rate} for {@code --rate-seconds}, on a fixed schedule whatever the latency. */
    static Latency atRate(BenchTarget target, BenchSettings settings, Findings findings) throws InterruptedException {
        try (LatencyRig rig = LatencyRig.open(target, settings, "latency_rate")) {
            Deadline deadline = Deadline.after(settings.maxTime());
            Map<Long, Long> commits = new ConcurrentHashMap<>();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            int senders = Math.min(SENDERS, settings.rate());
            double period = 1e9 / settings.rate();
            long begin = System.nanoTime() + SENDERS_START_NANOS;
            long end = begin + settings.rateTime().toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                int first = i;
                Thread sender = new Thread(() -> {
                    try {
                        for (long k = first; ; k += senders) {
                            long at = begin + (long) (k * period);
                            if (at >= end || deadline.passed()) {
                                return;
                            }
                            waitUntil(at);
                            Enqueued job = rig.producer().enqueue(new NoopJob(k));
                            commits.put(job.id(), System.nanoTime());
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }, "bench-sender-" + i);
                sender.start();
                threads.add(sender);
            }
            for (Thread sender : threads) {
                sender.join();
            }
            long sendNanos = System.nanoTime() - begin;
            if (failure.get() != null) {
                throw failure.get();
            }
            rig.recorder().awaitDistinct(commits.size(), deadline);
            long expected = (long) (settings.rate() * settings.rateSeconds());
            return summary("latency at " + settings.rate() + " jobs/s", rig, commits, expected, sendNanos, settings,
                    findings);
        }
    }

    private static void waitUntil(long at) {
        for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static Latency summary(String label, LatencyRig rig, Map<Long, Long> commits, long expected,
            long sendNanos, BenchSettings settings, Findings findings) {
        Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        long started = 0;
        for (Map.Entry<Long, Long> commit : commits.entrySet()) {
            Long start = rig.recorder().startNanos(commit.getKey());
            if (start != null) {
                // A handler can start before enqueue has returned to its caller: that is a latency of about 0.
                histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, start - commit.getValue()) / 1000));
                started++;
            }
        }
        long sent = commits.size();
        double seconds = sendNanos / 1e9;
        boolean finished = sent >= expected && started == sent;
        if (!finished) {
            findings.note(label + " did not finish: " + started + " of " + expected + " jobs started in time (" + sent
                    + " enqueued; --max-seconds " + Text.plain(settings.maxSeconds()) + ")");
        }
        if (rig.recorder().runs() != rig.recorder().distinct()) {
            findings.error(label + ": " + (rig.recorder().runs() - rig.recorder().distinct()) + " jobs ran more than once");
        }
        return new Latency(rig.producerDescription(), expected, sent, started, seconds, seconds > 0 ? sent / seconds : 0,
                percentileMs(histogram, 50), percentileMs(histogram, 99), histogram.getMaxValue() / 1000.0, finished);
    }

    private static double percentileMs(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
