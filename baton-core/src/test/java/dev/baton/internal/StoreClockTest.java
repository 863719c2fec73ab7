package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StoreClockTest {

    private static final Instant DB = Instant.parse("2026-12-01T10:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicReference<Instant> storeNow = new AtomicReference<>(DB);

    /** Each read of the store's time takes 2 ms of monotonic time, as a round trip would. */
    private final StoreClock clock = new StoreClock(() -> {
        nanos.addAndGet(1_000_000);
        Instant read = storeNow.get();
        nanos.addAndGet(1_000_000);
        return read;
    }, nanos::get, Instant.EPOCH);

    @Test
    void followsTheStoresClockFromTheMidpointOfTheRead() {
        clock.sync();

        assertThat(clock.instant()).isEqualTo(DB.plusMillis(1));
        nanos.addAndGet(5_000_000_000L);
        assertThat(clock.instant()).isEqualTo(DB.plusMillis(5_001));
    }

    @Test
    void neverReadsTheMachinesWallClockSoASkewedMachineAgreesWithTheDatabase() {
        // Whatever the local wall clock says, a node's times are the database's: the clock holds only
        // the store's reading and the monotonic ticker.
        clock.sync();
        storeNow.set(DB.plusSeconds(60)); // the database moved on by a minute, the ticker by as much
        nanos.addAndGet(60_000_000_000L);

        assertThat(clock.instant()).isEqualTo(DB.plusMillis(60_001));
        clock.sync();
        assertThat(clock.instant()).isEqualTo(DB.plusSeconds(60).plusMillis(1));
    }

    @Test
    void keepsTheLastReadingWhenTheStoreCannotBeRead() {
        clock.sync();
        StoreClock failing = new StoreClock(() -> {
            throw new IllegalStateException("database down");
        }, nanos::get, DB);

        assertThatThrownBy(failing::sync).hasMessage("database down");
        assertThat(failing.instant()).isEqualTo(DB);
    }
}
