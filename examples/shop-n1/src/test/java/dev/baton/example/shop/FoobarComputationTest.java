package dev.baton.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's rule, with a fixed clock: past ranges skipped, ranges starting in the past trimmed to today,
 * and the computePast override of release N+1 computing either whole.
 */
class FoobarComputationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final FoobarComputation computation =
            new FoobarComputation(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void pastRangesAreSkipped() {
        ComputeFoobar past = new ComputeFoobar(7, TODAY.minusDays(10), TODAY.minusDays(1), false);
        assertThat(computation.shouldCompute(past)).isFalse();
        assertThat(computation.compute(past).days()).isZero();
    }

    @Test
    void rangesStartingInThePastAreTrimmedToToday() {
        ComputeFoobar current = new ComputeFoobar(7, TODAY.minusDays(3), TODAY.plusDays(4), false);
        assertThat(computation.shouldCompute(current)).isTrue();
        assertThat(computation.rangeToCompute(current)).contains(new FoobarComputation.Range(TODAY, TODAY.plusDays(4)));
        assertThat(computation.compute(current).days()).isEqualTo(5);
    }

    @Test
    void computePastOverridesBothRules() {
        ComputeFoobar past = new ComputeFoobar(7, TODAY.minusDays(10), TODAY.minusDays(1), true);
        assertThat(computation.shouldCompute(past)).isTrue();
        assertThat(computation.compute(past).days()).isEqualTo(10);

        ComputeFoobar current = new ComputeFoobar(7, TODAY.minusDays(3), TODAY.plusDays(4), true);
        assertThat(computation.rangeToCompute(current))
                .contains(new FoobarComputation.Range(TODAY.minusDays(3), TODAY.plusDays(4)));
    }

    @Test
    void futureRangesAreComputedWhole() {
        ComputeFoobar future = new ComputeFoobar(7, TODAY.plusDays(1), TODAY.plusDays(8), false);
        assertThat(computation.rangeToCompute(future))
                .contains(new FoobarComputation.Range(TODAY.plusDays(1), TODAY.plusDays(8)));
    }
}
