package dev.baton.storetest;

import dev.baton.Baton;
import dev.baton.BatonBuilder;
import dev.baton.Job;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import java.time.Duration;
import java.util.List;

/**
 * What the two worker suites ({@link WorkerConformanceTest}, {@link WorkerNodeConformanceTest}) share
 * beyond {@link RuntimeConformanceBase}: their job types, a node builder with short intervals, and
 * one-line reads of the store.
 */
public abstract class WorkerConformanceBase extends RuntimeConformanceBase {

    @Job(name = "echo")
    public record Echo(long n, String text) {}

    @Job(name = "send-mail", queue = "mailers")
    public record SendMail(String to) {}

    protected static final Duration WAIT = Duration.ofSeconds(20);

    /** A node with the test clock and intervals short enough that no test waits long. */
    protected BatonBuilder node() {
        return Baton.builder()
                .store(store)
                .clock(clock)
                .release("test")
                .pollInterval(Duration.ofMillis(20))
                .leaseDuration(Duration.ofSeconds(3))
                .heartbeatInterval(Duration.ofMillis(50))
                .rescueInterval(Duration.ofMillis(50))
                .shutdownTimeout(Duration.ofSeconds(5));
    }

    protected Baton producer() {
        return started(node());
    }

    protected JobRecord job(long id) {
        return store.jobGet(id).orElseThrow(() -> new AssertionError("job #" + id + " is not in the store"));
    }

    protected long count(JobState state) {
        return store.jobCount().stream().filter(c -> c.state() == state).mapToLong(c -> c.count()).sum();
    }

    protected static String reportSkip(String message) {
        System.err.println("SKIPPED: " + message);
        return message;
    }

    protected long insertRaw(String type, int version, String queue, String payload) {
        return store.jobInsert(new JobInsertParams(List.of(new NewJob(type, version, queue, payload, JobState.WAITING, 0,
                3, clock.instant(), clock.instant(), null, "other")), null)).get(0).id();
    }
}
