package dev.baton.internal;

import dev.baton.Backoff;
import dev.baton.JobTimeoutException;
import dev.baton.PayloadException;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.JobCompleteInTransactionParams;
import dev.baton.spi.JobCompleteParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job on the calling thread: read the payload, call the handler, decide the outcome.
 * Whatever is thrown, by the handler or while describing or recording what it did, ends as an outcome
 * of the job, never as the end of the worker thread: a slot is freed exactly once per claimed job.
 */
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

    void run(ActiveRun run) {
        if (!run.begin()) {
            return; // released by shutdown before it started
        }
        Outcome outcome;
        try {
            outcome = execute(run);
        } catch (Throwable unexpected) {
            outcome = failedSafely(run, unexpected, config.defaults().backoff());
        }
        if (run.settle()) {
            recorder.record(run, outcome);
        }
    }

    private Outcome execute(ActiveRun run) {
        ClaimedJob job = run.job();
        if (job.attempt() > job.maxAttempts()) {
            return unrunnable(run);
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

    private <T> Outcome invoke(ActiveRun run, Registration<T> registration) {
        ClaimedJob job = run.job();
        Backoff backoff = registration.settings().backoff();
        T value;
        try {
            value = reader.read(registration, job);
        } catch (PayloadException e) {
            // This node reads this (type, version): a payload it still cannot read is the payload's fault.
            // It uses an attempt, so it ends dead with the field error instead of circling forever.
            return failed(run, e, backoff);
        }
        Duration timeout = registration.settings().timeout();
        run.startedOn(Thread.currentThread());
        run.watch(watchdog.schedule(() -> timedOut(run, registration), timeout.toNanos(), TimeUnit.NANOSECONDS));
        try {
            if (registration.transactional() != null) {
                return inTransaction(run, registration, value);
            }
            registration.handler().handle(value, run);
            return new Outcome.Completed(clock.instant(), false);
        } catch (Throwable failure) {
            return failed(run, timeoutCause(run, registration, failure), backoff);
        } finally {
            run.unwatch();
            run.finishedOnThread();
            Thread.interrupted(); // an interrupt meant for this run must not reach the next one on this thread
        }
    }

    private <T> Outcome inTransaction(ActiveRun run, Registration<T> registration, T value) {
        ClaimedJob job = run.job();
        JobCompleteParams completion = new JobCompleteParams(job.id(), job.attempt(), clock.instant(),
                config.completedRetention().isZero());
        JobCompleteInTransactionParams.Result result = config.store().jobCompleteInTransaction(
                new JobCompleteInTransactionParams(completion, c -> registration.transactional().handle(value, run, c)));
        return switch (result.status()) {
            case COMPLETED -> new Outcome.CompletedInTransaction(true);
            case NOT_HELD -> new Outcome.CompletedInTransaction(false);
            case WORK_FAILED -> failed(run, timeoutCause(run, registration, result.failure()),
                    registration.settings().backoff());
        };
    }

    /** The timeout: interrupt the handler; if it has not stopped after the grace period, abandon the run. */
    private void timedOut(ActiveRun run, Registration<?> registration) {
        run.timeOut();
        run.watch(watchdog.schedule(() -> abandon(run, registration), config.timeoutGrace().toNanos(),
                TimeUnit.NANOSECONDS));
    }

    /**
     * The handler ignored its interrupt for the whole grace period. Its thread cannot be stopped, so the
     * run is given up instead: the attempt is recorded as failed, the slot goes to a new thread, and the
     * heartbeat no longer extends the lease (the run leaves this node's active set).
     */
    private void abandon(ActiveRun run, Registration<?> registration) {
        if (!run.settle()) {
            return;
        }
        JobTimeoutException reason = new JobTimeoutException(run.type(), run.id(), registration.settings().timeout());
        log.error("{} ignored its interrupt for {} after its timeout of {}: the run is abandoned and its thread"
                + " left to end on its own", run, config.timeoutGrace(), registration.settings().timeout());
        recorder.record(run, failedSafely(run, reason, registration.settings().backoff()));
    }

    private static Throwable timeoutCause(ActiveRun run, Registration<?> registration, Throwable failure) {
        if (!run.timedOut()) {
            return failure;
        }
        JobTimeoutException timeout = new JobTimeoutException(run.type(), run.id(), registration.settings().timeout());
        timeout.initCause(failure);
        return timeout;
    }

    /**
     * A stored attempt count at or past the maximum (written by hand, or corrupt): the claim went past the
     * maximum, so there is no attempt left to run. Dead, with the reason, rather than run once too often.
     */
    private Outcome unrunnable(ActiveRun run) {
        ClaimedJob job = run.job();
        String reason = "not run: attempt " + job.attempt() + " is past max attempts " + job.maxAttempts()
                + " (the stored attempt count was at or past the maximum). Retry the job to run it again.";
        log.error("{} is dead: {}", run, reason);
        return new Outcome.Dead(reason, clock.instant());
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

    /** As {@link #failed}, for failures from outside the handler: never throws. */
    private Outcome failedSafely(ActiveRun run, Throwable failure, Backoff backoff) {
        try {
            return failed(run, failure, backoff);
        } catch (Throwable broken) {
            ClaimedJob job = run.job();
            Instant now = clock.instant();
            return job.attempt() >= job.maxAttempts() ? new Outcome.Dead(ErrorText.of(failure), now)
                    : new Outcome.Retry(now.plus(delay(Backoff.defaults(), job.attempt())), ErrorText.of(failure), now);
        }
    }

    private Outcome failed(ActiveRun run, Throwable failure, Backoff backoff) {
        ClaimedJob job = run.job();
        if (job.attempt() >= job.maxAttempts()) {
            return dead(run, failure);
        }
        Instant now = clock.instant();
        Duration wait = delay(backoff, job.attempt());
        if (run.isSettled()) {
            // Shutdown already released the job (and interrupted this run): there is no retry to announce.
            log.info("{} was interrupted by shutdown and released for another node", run);
        } else {
            log.warn("{} failed, retrying in {}: {}", run, wait, ErrorText.summary(failure));
        }
        return new Outcome.Retry(now.plus(wait), ErrorText.of(failure), now);
    }

    /** The type's backoff, or the default one when the configured one throws or answers nonsense. */
    private Duration delay(Backoff backoff, int attempt) {
        try {
            Duration wait = backoff.delay(attempt, random);
            if (wait != null && !wait.isNegative()) {
                return wait;
            }
        } catch (RuntimeException e) {
            log.warn("the backoff of this job type failed ({}); using the default backoff", ErrorText.summary(e));
        }
        return Backoff.defaults().delay(attempt, random);
    }

    /** Logged as text, never as the throwable: an exception that cannot describe itself must not break logging. */
    private Outcome dead(ActiveRun run, Throwable failure) {
        String error = ErrorText.of(failure);
        log.error("{} is dead: {}\n{}", run, ErrorText.summary(failure), error);
        return new Outcome.Dead(error, clock.instant());
    }
}
