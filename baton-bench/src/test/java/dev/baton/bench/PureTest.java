package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.bench.Results.Rate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's small pure helpers. */
class PureTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Medians.median(List.of(3.0, 1.0, 2.0), Double::doubleValue)).isEqualTo(2.0);
        assertThat(Medians.median(List.of(4.0, 1.0, 2.0, 3.0), Double::doubleValue)).isEqualTo(2.5);
    }

    @Test
    void aRateShortOfItsCountIsNotFinished() {
        Rate partial = Rate.of(29_688, 50_000, 300_000_000_000L);

        assertThat(partial.finished()).isFalse();
        assertThat(partial.perSecond()).isCloseTo(98.96, org.assertj.core.api.Assertions.within(0.01));
        assertThat(Rate.of(10, 10, 1_000_000_000L).finished()).isTrue();
    }

    @Test
    void urlParametersAreReplacedNotRepeated() {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=old";

        assertThat(JdbcUrls.with(url, "currentSchema", "new"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=new");
        assertThat(JdbcUrls.without("jdbc:postgresql://h/db?currentSchema=x", "currentSchema"))
                .isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void labelsBecomePlainIdentifiers() {
        assertThat(BenchTarget.safeLabel("drain beside 100,000 scheduled rows")).isEqualTo("drain_beside_100_000_scheduled_rows");
        assertThat(BenchTarget.safeLabel("x".repeat(60))).hasSize(40);
    }

    @Test
    void onlyALoopbackServerIsLocal() {
        assertThat(JdbcUrls.isLocalPostgres("jdbc:postgresql://127.0.0.1:5432/test")).isTrue();
        assertThat(JdbcUrls.isLocalPostgres("jdbc:postgresql://localhost/test")).isTrue();
        assertThat(JdbcUrls.isLocalPostgres("jdbc:postgresql://[::1]:5432/test")).isTrue();
        assertThat(JdbcUrls.isLocalPostgres("jdbc:postgresql://db.internal:5432/test")).isFalse();
    }
}
