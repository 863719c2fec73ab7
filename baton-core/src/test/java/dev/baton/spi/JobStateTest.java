package dev.baton.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobStateTest {

    /** The codes are stored in databases and printed by the CLI: renaming a constant must fail here first. */
    @Test
    void codesAreTheStoredLowerCaseNames() {
        assertThat(Arrays.stream(JobState.values()).map(JobState::code))
                .containsExactly("waiting", "scheduled", "running", "retrying", "completed", "dead");
    }

    @ParameterizedTest
    @EnumSource(JobState.class)
    void codesRoundTrip(JobState state) {
        assertThat(JobState.fromCode(state.code())).isSameAs(state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "unknown", "wait", "finished"})
    void anUnknownCodeIsRefused(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> JobState.fromCode(code));
    }

    @Test
    void pendingStatesAreTheClaimableOnes() {
        assertThat(Arrays.stream(JobState.values()).filter(JobState::isPending))
                .containsExactly(JobState.WAITING, JobState.SCHEDULED, JobState.RETRYING);
    }

    @Test
    void finalStatesAreCompletedAndDead() {
        assertThat(Arrays.stream(JobState.values()).filter(JobState::isFinal))
                .containsExactly(JobState.COMPLETED, JobState.DEAD);
    }

    @ParameterizedTest
    @EnumSource(JobState.class)
    void noStateIsBothPendingAndFinalAndOnlyRunningIsNeither(JobState state) {
        assertThat(state.isPending() && state.isFinal()).isFalse();
        assertThat(!state.isPending() && !state.isFinal()).isEqualTo(state == JobState.RUNNING);
    }
}
