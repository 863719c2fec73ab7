package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.JobSettings;
import dev.baton.WritePolicy;
import dev.baton.spi.JobStore;
import dev.baton.spi.ReadableRange;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueueWorkerBackoffTest {

    /**
     * After a failed claim the fetcher announces a back-off; wake-ups (a busy queue's NOTIFYs) must not cut
     * it short, or a database in trouble gets hammered: 799 failed claims in 40 s, before.
     */
    @Test
    void wakeUpsDoNotCutTheBackOffAfterAFailedClaimShort() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        JobStore failing = (JobStore) Proxy.newProxyInstance(JobStore.class.getClassLoader(),
                new Class<?>[] {JobStore.class}, (self, method, args) -> {
                    if (method.getName().equals("jobClaim")) {
                        claims.incrementAndGet();
                    }
                    throw new IllegalStateException("database down");
                });
        Duration poll = Duration.ofMillis(20);
        NodeConfig config = new NodeConfig(failing, "r", "node-a", "worker", Clock.systemUTC(), Map.of("q", 1), Map.of(),
                Map.of(), Map.of(), JobSettings.defaults(), WritePolicy.FLEET_COMPATIBLE, poll, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO, null, Duration.ofMinutes(1),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofSeconds(30), 1_000, Duration.ofSeconds(90), false);
        ScheduledExecutorService watchdog = WorkerRuntime.timer("test-watchdog");
        JobRunner runner = new JobRunner(config, new PayloadCodec(), new OutcomeRecorder(failing, true, new RunStats()),
                watchdog);
        QueueWorker worker = new QueueWorker("q", 1, config,
                List.of(new ClaimTarget("q", List.of(new ReadableRange("t", 1, 1)))), runner, () -> 1L, () -> true, java.util.Set::of);
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> claims.get() >= 1);
            // Back-offs of 40, 80, 160, 320 ms: about 5 claims in 700 ms, however often it is woken.
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).during(Duration.ofMillis(700))
                    .atMost(Duration.ofSeconds(2)).until(() -> {
                        worker.wake();
                        return true;
                    });
            assertThat(claims.get()).isBetween(2, 8);
        } finally {
            worker.stopFetching(Duration.ofSeconds(1));
            worker.stopNow();
            watchdog.shutdownNow();
        }
    }
}
