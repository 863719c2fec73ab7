package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The bounds of {@link ExponentialBackoff#delay} for all inputs: bases and caps are whole milliseconds
 * from 1 ms to the largest cap accepted (365 days); the constructor refuses anything outside.
 */
class ExponentialBackoffPropertyTest {

    private static final long LIMIT = ExponentialBackoff.MAX_MAX.toMillis();

    @Property
    void staysWithinTheJitterOfTheCappedDoubling(
            @ForAll("backoffs") ExponentialBackoff backoff,
            @ForAll @IntRange(min = 1, max = 1_000) int attempt,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double draw) {
        long delay = backoff.delay(attempt, new FixedRandom(draw)).toMillis();

        double ideal = ideal(backoff, attempt);
        double jitter = backoff.jitter();
        assertThat(delay).isNotNegative();
        assertThat((double) delay).isGreaterThanOrEqualTo(ideal * (1 - jitter) - 1);
        assertThat((double) delay).isLessThanOrEqualTo(ideal * (1 + jitter) + 1);
        assertThat((double) delay).isLessThanOrEqualTo(backoff.max().toMillis() * (1 + jitter) + 1);
    }

    @Property
    void withoutJitterIsExactlyTheCappedDoubling(
            @ForAll("backoffsWithoutJitter") ExponentialBackoff backoff, @ForAll @IntRange(min = 1, max = 1_000) int attempt) {
        assertThat(backoff.delay(attempt, FixedRandom.MIDDLE).toMillis()).isEqualTo((long) ideal(backoff, attempt));
    }

    @Property
    void withoutJitterNeverShrinksFromOneAttemptToTheNext(
            @ForAll("hugeBackoffsWithoutJitter") ExponentialBackoff backoff,
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE - 1) int attempt) {
        Duration now = backoff.delay(attempt, FixedRandom.MIDDLE);
        Duration next = backoff.delay(attempt + 1, FixedRandom.MIDDLE);

        assertThat(next).isGreaterThanOrEqualTo(now);
    }

    /** Any int attempt, even negative ones: no overflow, no exception. */
    @Property
    void neverNegativeNorPastTheJitteredCapForHugeInputs(
            @ForAll("hugeBackoffs") ExponentialBackoff backoff,
            @ForAll int attempt,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double draw) {
        long delay = backoff.delay(attempt, new FixedRandom(draw)).toMillis();

        double ceiling = backoff.max().toMillis() * (1 + backoff.jitter());
        assertThat(delay).isNotNegative();
        // A double carries 53 bits: past 2^53 ms, rounding alone is worth more than a millisecond.
        assertThat((double) delay).isLessThanOrEqualTo(ceiling * (1 + 0x1p-50) + 1);
    }

    @Provide
    Arbitrary<ExponentialBackoff> backoffs() {
        return backoffs(LIMIT, jitters());
    }

    @Provide
    Arbitrary<ExponentialBackoff> backoffsWithoutJitter() {
        return backoffs(LIMIT, Arbitraries.just(0.0));
    }

    @Provide
    Arbitrary<ExponentialBackoff> hugeBackoffs() {
        return backoffs(LIMIT, jitters());
    }

    @Provide
    Arbitrary<ExponentialBackoff> hugeBackoffsWithoutJitter() {
        return backoffs(LIMIT, Arbitraries.just(0.0));
    }

    private static Arbitrary<ExponentialBackoff> backoffs(long limitMillis, Arbitrary<Double> jitters) {
        return Arbitraries.longs().between(1, limitMillis).flatMap(base -> Combinators.combine(
                        Arbitraries.longs().between(base, limitMillis), jitters)
                .as((max, jitter) -> new ExponentialBackoff(Duration.ofMillis(base), Duration.ofMillis(max), jitter)));
    }

    private static Arbitrary<Double> jitters() {
        return Arbitraries.doubles().between(0, 1).ofScale(6);
    }

    /** min(base * 2^(attempt-1), max) in milliseconds, computed without overflow. */
    private static double ideal(ExponentialBackoff backoff, int attempt) {
        BigInteger doubled = BigInteger.valueOf(backoff.base().toMillis()).shiftLeft(attempt - 1);
        return doubled.min(BigInteger.valueOf(backoff.max().toMillis())).doubleValue();
    }
}
