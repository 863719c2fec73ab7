package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailOnTest {

    private static Finding needsSteps(Boolean satisfied) {
        return new Finding("new-type", Severity.NEEDS_STEPS, "send-newsletter", null, 1,
                Direction.NEW_PAYLOAD_OLD_WORKER, null, "explained", "fixed",
                List.of(new Step("deploy workers before producers", "baton fleet", satisfied)));
    }

    private static Finding of(Severity severity) {
        return new Finding("rule", severity, "t", 1, 1, Direction.NONE, null, "explained", null, List.of());
    }

    @Test
    void breakingFailsOnBreakingAndOnStepsTheLiveStoreShowsUndone() {
        assertThat(of(Severity.BREAKING).blocks(FailOn.BREAKING)).isTrue();
        assertThat(needsSteps(false).blocks(FailOn.BREAKING)).isTrue();
        assertThat(needsSteps(null).blocks(FailOn.BREAKING)).as("unknown: a warning").isFalse();
        assertThat(needsSteps(true).blocks(FailOn.BREAKING)).isFalse();
        assertThat(of(Severity.SAFE).blocks(FailOn.BREAKING)).isFalse();
    }

    @Test
    void needsStepsAlsoFailsOnStepsNotKnownToBeDone() {
        assertThat(of(Severity.BREAKING).blocks(FailOn.NEEDS_STEPS)).isTrue();
        assertThat(needsSteps(false).blocks(FailOn.NEEDS_STEPS)).isTrue();
        assertThat(needsSteps(null).blocks(FailOn.NEEDS_STEPS)).isTrue();
        assertThat(needsSteps(true).blocks(FailOn.NEEDS_STEPS)).isFalse();
        assertThat(of(Severity.SAFE).blocks(FailOn.NEEDS_STEPS)).isFalse();
    }

    @Test
    void neverOnlyReports() {
        assertThat(List.of(of(Severity.BREAKING), needsSteps(false), needsSteps(null)))
                .noneMatch(f -> f.blocks(FailOn.NEVER));
    }

    @Test
    void aWarningNeedsStepsDoesNotFailAndIsNotShownUndone() {
        assertThat(needsSteps(null).warns(FailOn.BREAKING)).isTrue();
        assertThat(needsSteps(true).warns(FailOn.BREAKING)).isTrue();
        assertThat(needsSteps(false).warns(FailOn.BREAKING)).isFalse();
        assertThat(needsSteps(false).warns(FailOn.NEVER)).as("undone, even when it does not fail").isFalse();
        assertThat(needsSteps(null).warns(FailOn.NEEDS_STEPS)).isFalse();
        assertThat(of(Severity.BREAKING).warns(FailOn.NEVER)).isFalse();
    }

    @Test
    void theExitCodeFollowsTheThreshold() {
        Report report = new Report("r", List.of(needsSteps(null), of(Severity.SAFE)));

        assertThat(report.exitCode(FailOn.BREAKING)).isZero();
        assertThat(report.exitCode(FailOn.NEEDS_STEPS)).isEqualTo(1);
        assertThat(report.exitCode(FailOn.NEVER)).isZero();
    }

    @Test
    void parsesTheLabelsAndNamesThemWhenWrong() {
        assertThat(FailOn.parse("breaking")).isEqualTo(FailOn.BREAKING);
        assertThat(FailOn.parse("NEEDS-STEPS")).isEqualTo(FailOn.NEEDS_STEPS);
        assertThat(FailOn.parse("needs_steps")).isEqualTo(FailOn.NEEDS_STEPS);
        assertThat(FailOn.parse(" never ")).isEqualTo(FailOn.NEVER);
        assertThat(FailOn.DEFAULT).isEqualTo(FailOn.BREAKING);
        assertThatThrownBy(() -> FailOn.parse("sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"sometimes\" is not one of breaking, needs-steps, never");
    }
}
