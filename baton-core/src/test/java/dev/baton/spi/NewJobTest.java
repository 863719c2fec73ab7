package dev.baton.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

class NewJobTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"WAITING", "SCHEDULED"})
    void aNewJobIsWaitingOrScheduled(JobState state) {
        assertThat(job(state).state()).isEqualTo(state);
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"WAITING", "SCHEDULED"}, mode = Mode.EXCLUDE)
    void aNewJobIsInNoOtherState(JobState state) {
        assertThatIllegalArgumentException().isThrownBy(() -> job(state)).withMessageContaining(state.toString());
    }

    @Test
    void uniqueKeyAndReleaseMayBeNull() {
        NewJob job = new NewJob("send-mail", 1, "mailers", "{}", JobState.WAITING, 0, 3, T0, T0, null, null);

        assertThat(job.uniqueKey()).isNull();
        assertThat(job.release()).isNull();
    }

    @Test
    void everythingElseIsRequired() {
        assertThatNullPointerException().isThrownBy(
                () -> new NewJob(null, 1, "mailers", "{}", JobState.WAITING, 0, 3, T0, T0, null, null)).withMessage("type");
        assertThatNullPointerException().isThrownBy(
                () -> new NewJob("send-mail", 1, null, "{}", JobState.WAITING, 0, 3, T0, T0, null, null)).withMessage("queue");
        assertThatNullPointerException().isThrownBy(
                () -> new NewJob("send-mail", 1, "mailers", null, JobState.WAITING, 0, 3, T0, T0, null, null))
                .withMessage("payload");
        assertThatNullPointerException().isThrownBy(
                () -> new NewJob("send-mail", 1, "mailers", "{}", null, 0, 3, T0, T0, null, null)).withMessage("state");
        assertThatNullPointerException().isThrownBy(
                () -> new NewJob("send-mail", 1, "mailers", "{}", JobState.WAITING, 0, 3, null, T0, null, null))
                .withMessage("runAt");
        assertThatNullPointerException().isThrownBy(
                () -> new NewJob("send-mail", 1, "mailers", "{}", JobState.WAITING, 0, 3, T0, null, null, null))
                .withMessage("createdAt");
    }

    private static NewJob job(JobState state) {
        return new NewJob("send-mail", 1, "mailers", "{}", state, 0, 3, T0, T0, "key", "r1");
    }
}
