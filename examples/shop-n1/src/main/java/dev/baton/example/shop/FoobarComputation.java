package dev.baton.example.shop;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The compute-foobar handler's logic (seed 002): past ranges are skipped, and a range that starts in the
 * past is trimmed to today, so that no past values are computed, unless the job says {@code computePast}
 * (the admin CLI's override). "Today" comes from the injected clock.
 */
public final class FoobarComputation {

    /** The days to compute, both ends included. */
    public record Range(LocalDate start, LocalDate end) {}

    private final Clock clock;

    public FoobarComputation(Clock clock) {
        this.clock = clock;
    }

    /** Seed 002's {@code shouldCompute}: false for a range that ended before today, unless computePast. */
    public boolean shouldCompute(ComputeFoobar job) {
        return rangeToCompute(job).isPresent();
    }

    /**
     * The part of the job's range to compute: all of it with computePast; otherwise empty when it is all
     * in the past, else trimmed to start today.
     */
    public Optional<Range> rangeToCompute(ComputeFoobar job) {
        if (job.computePast()) {
            return Optional.of(new Range(job.start(), job.end())); // the override, for the admin CLI
        }
        LocalDate today = LocalDate.now(clock);
        if (job.end().isBefore(today)) {
            return Optional.empty();
        }
        LocalDate start = job.start().isBefore(today) ? today : job.start();
        return Optional.of(new Range(start, job.end()));
    }

    /**
     * Computes the values: a deterministic checksum over the days, standing in for the real computation.
     *
     * @return the days computed (0 when the job was skipped) and the checksum
     */
    public Computed compute(ComputeFoobar job) {
        Optional<Range> range = rangeToCompute(job);
        if (range.isEmpty()) {
            return new Computed(0, 0);
        }
        int days = 0;
        long checksum = job.groupId();
        for (LocalDate day = range.get().start(); !day.isAfter(range.get().end()); day = day.plusDays(1)) {
            checksum = checksum * 31 + day.getDayOfYear();
            days++;
        }
        return new Computed(days, checksum);
    }

    /** What {@link #compute} did. */
    public record Computed(int days, long checksum) {}
}
