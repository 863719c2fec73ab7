package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTimerTest {

    /**
     * Every run schedules a timeout timer and cancels it when the handler returns. Cancelled timers
     * must leave the queue at once: 20,000 finished jobs once left 20,000 timers queued for 30 minutes.
     */
    @Test
    void aCancelledTimeoutTimerIsGoneAtOnce() {
        ScheduledExecutorService watchdog = WorkerRuntime.timer("test-watchdog");
        try {
            for (int i = 0; i < 20_000; i++) {
                ScheduledFuture<?> timer = watchdog.schedule(() -> {}, 30, TimeUnit.MINUTES);
                timer.cancel(false);
            }
            assertThat(((ScheduledThreadPoolExecutor) watchdog).getQueue()).isEmpty();
        } finally {
            watchdog.shutdownNow();
        }
    }
}
