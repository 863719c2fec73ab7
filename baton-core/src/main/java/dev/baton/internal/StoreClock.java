package dev.baton.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The database's clock, as seen from this node: read from the store at every {@link #sync()} (each
 * heartbeat) and carried forward between reads by the monotonic clock. Every time that decides who owns a
 * job (claim leases, rescue, fleet liveness) comes from here, so nodes whose own clocks disagree by minutes
 * still agree on leases; and a wall-clock step on one machine (NTP, a VM resume) changes nothing, since
 * the machine's wall clock is never read.
 *
 * <p>The error is half the round trip of the read that set it, a few milliseconds on a LAN. Until the
 * first sync succeeds it follows the system clock.
 */
public final class StoreClock extends Clock {

    private record Anchor(Instant storeTime, long nanos) {}

    private final Supplier<Instant> storeTime;
    private final LongSupplier nanoTime;
    private volatile Anchor anchor;

    StoreClock(Supplier<Instant> storeTime, LongSupplier nanoTime, Instant initial) {
        this.storeTime = storeTime;
        this.nanoTime = nanoTime;
        this.anchor = new Anchor(initial, nanoTime.getAsLong());
    }

    public static StoreClock of(Supplier<Instant> storeTime) {
        return new StoreClock(storeTime, System::nanoTime, Instant.now());
    }

    /**
     * Reads the store's time once and anchors to it, at the midpoint of the read's round trip.
     *
     * @throws RuntimeException what the store threw; the previous anchor stays
     */
    public void sync() {
        long before = nanoTime.getAsLong();
        Instant read = storeTime.get();
        long after = nanoTime.getAsLong();
        anchor = new Anchor(read, before + (after - before) / 2);
    }

    @Override
    public Instant instant() {
        Anchor current = anchor;
        return current.storeTime.plus(Duration.ofNanos(nanoTime.getAsLong() - current.nanos));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the store clock is UTC only");
    }
}
