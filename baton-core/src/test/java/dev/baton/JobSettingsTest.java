package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobSettingsTest {

    @Test
    void defaultsAreTwentyAttemptsOfHalfAnHourWithTheDefaultBackoff() {
        assertThat(JobSettings.defaults()).isEqualTo(new JobSettings(20, Duration.ofMinutes(30), Backoff.defaults()));
    }

    @Test
    void eachWitherChangesOneSetting() {
        Backoff fixed = (attempt, random) -> Duration.ofSeconds(5);

        JobSettings settings = JobSettings.defaults().withMaxAttempts(1).withTimeout(Duration.ofSeconds(10))
                .withBackoff(fixed);

        assertThat(settings).isEqualTo(new JobSettings(1, Duration.ofSeconds(10), fixed));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void maxAttemptsIsAtLeastOne(int maxAttempts) {
        ConfigException e = Expect.thrown(ConfigException.class, () -> JobSettings.defaults().withMaxAttempts(maxAttempts));

        assertThat(e.option()).isEqualTo("maxAttempts");
        assertThat(e.getMessage()).contains("at least 1");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void timeoutIsPositive(long seconds) {
        ConfigException e = Expect.thrown(ConfigException.class,
                () -> JobSettings.defaults().withTimeout(Duration.ofSeconds(seconds)));

        assertThat(e.option()).isEqualTo("timeout");
        assertThat(e.value()).isEqualTo(Duration.ofSeconds(seconds).toString());
    }

    @Test
    void timeoutAndBackoffAreRequired() {
        ConfigException timeout = Expect.thrown(ConfigException.class, () -> JobSettings.defaults().withTimeout(null));
        ConfigException backoff = Expect.thrown(ConfigException.class, () -> JobSettings.defaults().withBackoff(null));

        assertThat(timeout.option()).isEqualTo("timeout");
        assertThat(timeout.value()).isEqualTo("not set");
        assertThat(backoff.option()).isEqualTo("backoff");
        assertThat(backoff.getMessage()).contains("Backoff.defaults()");
    }
}
