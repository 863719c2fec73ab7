package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples and constructor rules; the bounds for all inputs are in {@link ExponentialBackoffPropertyTest}. */
class ExponentialBackoffTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void defaultsDoubleFromOneSecondAndStopAtOneHour() {
        List<Duration> delays = IntStream.rangeClosed(1, 14)
                .mapToObj(attempt -> Backoff.defaults().delay(attempt, FixedRandom.MIDDLE))
                .toList();

        assertThat(delays).containsExactly(
                seconds(1), seconds(2), seconds(4), seconds(8), seconds(16), seconds(32), seconds(64), seconds(128),
                seconds(256), seconds(512), seconds(1024), seconds(2048), HOUR, HOUR);
        assertThat(Backoff.defaults()).isEqualTo(new ExponentialBackoff(SECOND, HOUR, 0.25));
    }

    @Test
    void defaultsSpreadByAQuarterEitherWay() {
        assertThat(Backoff.defaults().delay(1, new FixedRandom(0.0))).isEqualTo(Duration.ofMillis(750));
        assertThat(Backoff.defaults().delay(1, new FixedRandom(Math.nextDown(1.0)))).isEqualTo(Duration.ofMillis(1250));
        assertThat(Backoff.defaults().delay(100, new FixedRandom(0.0))).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void fullJitterCanRetryAtOnceButNeverBeforeNow() {
        Backoff backoff = Backoff.exponential(SECOND, HOUR, 1.0);

        assertThat(backoff.delay(3, new FixedRandom(0.0))).isZero();
        assertThat(backoff.delay(3, new FixedRandom(Math.nextDown(1.0)))).isEqualTo(seconds(8));
    }

    @Test
    void hugeAttemptsAndDurationsDoNotOverflow() {
        Duration year = Duration.ofDays(365);
        Backoff backoff = Backoff.exponential(Duration.ofDays(30), year, 0.5);

        for (int attempt : new int[] {62, 63, 64, 1_000, Integer.MAX_VALUE}) {
            assertThat(backoff.delay(attempt, FixedRandom.MIDDLE)).as("attempt %d", attempt).isEqualTo(year);
        }
        assertThat(Backoff.exponential(Duration.ofMillis(1), year, 0)
                .delay(Integer.MAX_VALUE, FixedRandom.MIDDLE)).isEqualTo(year);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void rejectsABaseThatIsNotPositive(long millis) {
        ConfigException e = rejected(Duration.ofMillis(millis), HOUR, 0.25);

        assertThat(e.option()).isEqualTo("backoff.base");
        assertThat(e.value()).isEqualTo(Duration.ofMillis(millis).toString());
        assertThat(e.getMessage()).contains("at least 1ms");
    }

    @Test
    void rejectsAMissingBaseOrMax() {
        assertThat(rejected(null, HOUR, 0.25).option()).isEqualTo("backoff.base");
        assertThat(rejected(SECOND, null, 0.25).option()).isEqualTo("backoff.max");
    }

    @Test
    void rejectsAMaxBelowTheBase() {
        ConfigException e = rejected(SECOND, Duration.ofMillis(999), 0.25);

        assertThat(e.option()).isEqualTo("backoff.max");
        assertThat(e.getMessage()).contains("at least backoff.base (PT1S)");
        assertThatCode(() -> Backoff.exponential(SECOND, SECOND, 0.25)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, -1, 1.01, 2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsAJitterOutsideZeroToOne(double jitter) {
        ConfigException e = rejected(SECOND, HOUR, jitter);

        assertThat(e.option()).isEqualTo("backoff.jitter");
        assertThat(e.value()).isEqualTo(String.valueOf(jitter));
        assertThat(e.getMessage()).contains("between 0 and 1");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.25, 1})
    void acceptsAJitterFromZeroToOne(double jitter) {
        assertThat(Backoff.exponential(SECOND, HOUR, jitter)).isEqualTo(new ExponentialBackoff(SECOND, HOUR, jitter));
    }

    /**
     * A positive base below one millisecond is accepted, then truncated to 0 ms before doubling, so every
     * delay is zero: all attempts are burned at once. Sub-millisecond parts of larger bases are lost the
     * same way and the loss doubles with each attempt (1.5 ms becomes 1 ms: attempt 11 waits 1024 ms,
     * not 1536 ms). Either fix is fine: reject such bases, or compute in nanoseconds.
     */
    @ParameterizedTest
    @MethodSource("subMillisecondBases")
    void aSubMillisecondBaseIsRejectedOrHonoured(Duration base, int attempt, Duration expected) {
        ExponentialBackoff backoff;
        try {
            backoff = new ExponentialBackoff(base, HOUR, 0);
        } catch (ConfigException e) {
            assertThat(e.option()).isEqualTo("backoff.base");
            return;
        }
        assertThat(backoff.delay(attempt, FixedRandom.MIDDLE)).isEqualTo(expected);
    }

    static Stream<Arguments> subMillisecondBases() {
        return Stream.of(
                Arguments.of(Duration.ofNanos(1), 50, HOUR),
                Arguments.of(Duration.ofNanos(500_000), 30, HOUR),
                Arguments.of(Duration.ofNanos(1_500_000), 11, Duration.ofMillis(1_536)));
    }

    /**
     * {@code ChronoUnit.FOREVER.getDuration()} reads as "no cap" and the constructor accepts it, but
     * {@code max.toMillis()} overflows, so the first failed run of such a job throws ArithmeticException
     * out of the retry decision instead of scheduling a retry.
     */
    @Test
    void aMaxTheConstructorAcceptsNeverMakesDelayThrow() {
        ExponentialBackoff backoff;
        try {
            backoff = new ExponentialBackoff(SECOND, ChronoUnit.FOREVER.getDuration(), 0);
        } catch (ConfigException e) {
            assertThat(e.option()).isEqualTo("backoff.max");
            return;
        }
        assertThat(backoff.delay(1, FixedRandom.MIDDLE)).isEqualTo(SECOND);
        assertThatCode(() -> backoff.delay(1_000, FixedRandom.MIDDLE)).doesNotThrowAnyException();
    }

    /** A cap beyond a year is refused: such a wait is a forgotten job, and it keeps the arithmetic exact. */
    @Test
    void aMaxBeyondAYearIsRejectedAndTheLargestIsExact() {
        assertThat(rejected(Duration.ofMillis(1), Duration.ofMillis(Long.MAX_VALUE), 0).option()).isEqualTo("backoff.max");
        Duration year = Duration.ofDays(365);
        assertThat(Backoff.exponential(Duration.ofMillis(1), year, 0).delay(63, FixedRandom.MIDDLE)).isEqualTo(year);
        assertThat(Backoff.exponential(Duration.ofMillis(1), year, 0).delay(Integer.MAX_VALUE, FixedRandom.MIDDLE))
                .isEqualTo(year);
        Duration odd = Duration.ofMillis(year.toMillis() - 1);
        assertThat(Backoff.exponential(odd, odd, 0).delay(1, FixedRandom.MIDDLE)).isEqualTo(odd);
    }

    private static ConfigException rejected(Duration base, Duration max, double jitter) {
        return Expect.thrown(ConfigException.class, () -> Backoff.exponential(base, max, jitter));
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
