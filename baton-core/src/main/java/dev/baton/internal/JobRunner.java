package dev.baton.internal;

import dev.baton.JobTimeoutException;
import dev.baton.PayloadException;
import dev.baton.spi.ClaimedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one claimed job on the calling thread: read the payload, call the handler, decide the outcome. */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final NodeConfig config;
    private final PayloadCodec codec;
    private final OutcomeRecorder recorder;
    private final ScheduledExecutorService watchdog;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();

    JobRunner(NodeConfig config, PayloadCodec codec, OutcomeRecorder recorder, ScheduledExecutorService watchdog) {
        this.config = config;
        this.codec = codec;
        this.recorder = recorder;
        this.watchdog = watchdog;
        this.clock = config.clock();
    }

    void run(ActiveRun run, Consumer<ActiveRun> done) {
        if (run.isSettled()) {
            return; // released by shutdown before it started
        }
        Outcome outcome = execute(run);
        if (run.settle()) {
            recorder.record(run, outcome, done);
        }
    }

    private Outcome execute(ActiveRun run) {
        ClaimedJob job = run.job();
        Registration<?> registration = config.registrations().get(job.type());
        if (registration == null) {
            // Claims are filtered by the types this node reads, so this is a store or wiring bug.
            return dead(run, new IllegalStateException("no handler for job type " + job.type() + " on this node"));
        }
        return invoke(run, registration);
    }

    private <T> Outcome invoke(ActiveRun run, Registration<T> registration) {
        ClaimedJob job = run.job();
        T value;
        try {
            value = codec.read(registration.info(), job.version(), job.payload(), registration.recordClass());
        } catch (PayloadException e) {
            // The same code will read the same bytes the same way: retrying cannot help.
            return dead(run, e);
        }
        Duration timeout = registration.settings().timeout();
        run.startedOn(Thread.currentThread());
        ScheduledFuture<?> timer = watchdog.schedule(run::timeOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            registration.handler().handle(value, run);
            return new Outcome.Completed(clock.instant());
        } catch (Throwable failure) {
            Throwable reason = run.timedOut() ? withCause(new JobTimeoutException(job.type(), job.id(), timeout), failure)
                    : failure;
            return failed(run, reason);
        } finally {
            timer.cancel(false);
            run.finishedOnThread();
            Thread.interrupted(); // an interrupt meant for this run must not reach the next one on this thread
        }
    }

    private Outcome failed(ActiveRun run, Throwable failure) {
        ClaimedJob job = run.job();
        if (job.attempt() >= job.maxAttempts()) {
            return dead(run, failure);
        }
        Instant now = clock.instant();
        Duration wait = config.settingsFor(job.type()).backoff().delay(job.attempt(), random);
        log.warn("{} failed, retrying in {}: {}", run, wait, ErrorText.summary(failure));
        return new Outcome.Retry(now.plus(wait), ErrorText.of(failure), now);
    }

    private Outcome dead(ActiveRun run, Throwable failure) {
        log.error("{} is dead: {}", run, ErrorText.summary(failure), failure);
        return new Outcome.Dead(ErrorText.of(failure), clock.instant());
    }

    private static Throwable withCause(Throwable error, Throwable cause) {
        error.initCause(cause);
        return error;
    }
}
