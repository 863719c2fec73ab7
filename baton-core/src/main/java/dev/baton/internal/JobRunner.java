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
    private final TypeDirectory types;
    private final PayloadReader reader;
    private final OutcomeRecorder recorder;
    private final ScheduledExecutorService watchdog;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();

    JobRunner(NodeConfig config, PayloadCodec codec, OutcomeRecorder recorder, ScheduledExecutorService watchdog) {
        this.config = config;
        this.types = new TypeDirectory(config);
        this.reader = new PayloadReader(codec);
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
        if (!config.protections()) {
            return executeUnprotected(run);
        }
        Registration<?> registration = types.registration(job.type());
        if (registration != null) {
            return invoke(run, registration);
        }
        if (types.retired(job.type()) != null) {
            log.info("{} completed without running: the type is retired on this node", run);
            return new Outcome.Completed(clock.instant(), true);
        }
        // Claims only ask for types this node reads, so only a changed registration gets here: let
        // another node have it rather than fail it.
        return park(run, new PayloadException(job.type(), job.version(), null, "this node has no handler for the type", null));
    }

    /** A conventional queue: an unknown type or a payload that does not bind is the job's failure. */
    private Outcome executeUnprotected(ActiveRun run) {
        ClaimedJob job = run.job();
        Registration<?> registration = config.registrations().get(job.type());
        if (registration == null) {
            return failed(run, new IllegalStateException("uninitialized job type " + job.type()
                    + ": no handler for it in release " + config.release()), config.defaults().backoff());
        }
        return invoke(run, registration);
    }

    private <T> Outcome invoke(ActiveRun run, Registration<T> registration) {
        ClaimedJob job = run.job();
        T value;
        try {
            value = config.protections() ? reader.read(registration, job.version(), job.payload())
                    : reader.readStrictly(registration, job.version(), job.payload());
        } catch (PayloadException e) {
            return config.protections() ? park(run, e) : failed(run, e, registration.settings().backoff());
        }
        Duration timeout = registration.settings().timeout();
        run.startedOn(Thread.currentThread());
        ScheduledFuture<?> timer = watchdog.schedule(run::timeOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            registration.handler().handle(value, run);
            return new Outcome.Completed(clock.instant(), false);
        } catch (Throwable failure) {
            Throwable reason = run.timedOut() ? withCause(new JobTimeoutException(job.type(), job.id(), timeout), failure)
                    : failure;
            return failed(run, reason, registration.settings().backoff());
        } finally {
            timer.cancel(false);
            run.finishedOnThread();
            Thread.interrupted(); // an interrupt meant for this run must not reach the next one on this thread
        }
    }

    /**
     * A payload this node cannot read is not the job's failure: another release may read it. The job goes
     * back unattempted, visible with the reason, and is looked at again after the park delay.
     */
    private Outcome park(ActiveRun run, PayloadException reason) {
        Instant now = clock.instant();
        log.warn("{} is incompatible with this node (release {}), handed back for {}: {}", run, config.release(),
                config.parkDelay(), reason.getMessage());
        return new Outcome.Parked(now.plus(config.parkDelay()), "incompatible with release " + config.release()
                + " (node " + config.nodeId() + "): " + reason.getMessage());
    }

    private Outcome failed(ActiveRun run, Throwable failure, dev.baton.Backoff backoff) {
        ClaimedJob job = run.job();
        if (job.attempt() >= job.maxAttempts()) {
            return dead(run, failure);
        }
        Instant now = clock.instant();
        Duration wait = backoff.delay(job.attempt(), random);
        if (run.isSettled()) {
            // Shutdown already released the job (and interrupted this run): there is no retry to announce.
            log.info("{} was interrupted by shutdown and released for another node", run);
        } else {
            log.warn("{} failed, retrying in {}: {}", run, wait, ErrorText.summary(failure));
        }
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
