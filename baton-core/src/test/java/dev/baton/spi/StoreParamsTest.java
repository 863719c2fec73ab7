package dev.baton.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks the store parameter records make before any store sees them. */
class StoreParamsTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"COMPLETED", "DEAD"}, mode = Mode.EXCLUDE)
    void onlyFinishedJobsArePruned(JobState state) {
        assertThatIllegalArgumentException().isThrownBy(() -> new JobPruneParams(state, T0, 10));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aClaimTakesAtLeastOneJob(int limit) {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new JobClaimParams("mailers", List.of(), limit, "node-a", 1L, T0, T0.plusSeconds(30)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aListShowsAtLeastOneJob(int limit) {
        assertThatIllegalArgumentException().isThrownBy(() -> JobListParams.all(limit));
    }

    @Test
    void listsAreCopiedSoTheCallerCannotChangeThemLater() {
        List<ReadableRange> readable = new ArrayList<>(List.of(new ReadableRange("send-mail", 1, 1)));
        JobClaimParams claim = new JobClaimParams("mailers", readable, 1, "node-a", 1L, T0, T0.plusSeconds(30));
        readable.clear();

        assertThat(claim.readable()).hasSize(1);
    }
}
