package dev.baton.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's pure parts: the fault schedule, the percentiles and the URL handling. */
class ChaosPureTest {

    @Test
    void planPutsEveryFaultInsideTheProducingWindow() {
        Duration window = Duration.ofSeconds(130);
        List<PlannedFault> plan = FaultPlan.of(window, 32);

        assertThat(plan).filteredOn(f -> f.kind() == FaultKind.KILL).hasSize(32);
        assertThat(plan).filteredOn(f -> f.kind() == FaultKind.TERMINATE).hasSize(FaultPlan.TERMINATIONS);
        assertThat(plan).filteredOn(f -> f.kind() == FaultKind.RESTART).hasSize(1);
        assertThat(plan).filteredOn(f -> f.kind() == FaultKind.PAUSE).hasSize(1);
        assertThat(plan).allSatisfy(f -> assertThat(f.offset()).isPositive().isLessThan(window));
        assertThat(plan).isSortedAccordingTo((a, b) -> a.offset().compareTo(b.offset()));
        Duration pause = plan.stream().filter(f -> f.kind() == FaultKind.PAUSE).findFirst().orElseThrow().offset();
        Duration resume = plan.stream().filter(f -> f.kind() == FaultKind.RESUME).findFirst().orElseThrow().offset();
        assertThat(resume.minus(pause)).isEqualTo(FaultPlan.PAUSE);
    }

    @Test
    void planRejectsAWindowTooShortForThePause() {
        assertThatThrownBy(() -> FaultPlan.of(Duration.ofSeconds(30), 5))
                .hasMessageContaining("at least 40s");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> values = java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList();

        assertThat(Percentiles.of(values)).isEqualTo(new Percentiles(100L, 198L, 200L, 200));
        assertThat(Percentiles.of(List.of(7L))).isEqualTo(new Percentiles(7L, 7L, 7L, 1));
        assertThat(Percentiles.of(List.of())).isEqualTo(new Percentiles(null, null, null, 0));
    }

    @Test
    void urlsNeverShowAPassword() {
        assertThat(JdbcUrls.masked("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(JdbcUrls.masked("jdbc:postgresql://h/db?PASSWORD=x")).isEqualTo("jdbc:postgresql://h/db?PASSWORD=***");
    }

    @Test
    void urlParametersAreReplacedNotRepeated() {
        String url = "jdbc:postgresql://h/db?currentSchema=old&user=u";

        assertThat(JdbcUrls.withParameter(url, "currentSchema", "new"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&currentSchema=new");
        assertThat(JdbcUrls.withoutParameter("jdbc:postgresql://h/db?currentSchema=old", "currentSchema"))
                .isEqualTo("jdbc:postgresql://h/db");
        assertThat(JdbcUrls.withParameter("jdbc:postgresql://h/db", "ApplicationName", "a"))
                .isEqualTo("jdbc:postgresql://h/db?ApplicationName=a");
    }
}
