package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnqueueOptionsTest {

    private static final Instant NOON = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void defaultsToNowAtPriorityZeroWithTheTypesAttemptsAndNoKey() {
        assertThat(EnqueueOptions.defaults()).isEqualTo(new EnqueueOptions(null, null, 0, null, null));
    }

    @Test
    void eachWitherChangesOneOption() {
        EnqueueOptions options = EnqueueOptions.defaults().delay(Duration.ofMinutes(5)).priority(10).maxAttempts(3)
                .uniqueKey("user-42");

        assertThat(options).isEqualTo(new EnqueueOptions(null, Duration.ofMinutes(5), 10, 3, "user-42"));
        assertThat(EnqueueOptions.defaults().runAt(NOON).runAt()).isEqualTo(NOON);
        assertThat(EnqueueOptions.defaults()).isEqualTo(new EnqueueOptions(null, null, 0, null, null));
    }

    @Test
    void runAtAndDelayAreNotBothSet() {
        ConfigException e = rejected(() -> EnqueueOptions.defaults().runAt(NOON).delay(Duration.ofMinutes(5)));

        assertThat(e.option()).isEqualTo("EnqueueOptions.delay");
        assertThat(e.getMessage()).contains("set runAt or delay, not both").contains(NOON.toString());
        assertThat(rejected(() -> EnqueueOptions.defaults().delay(Duration.ofMinutes(5)).runAt(NOON)).option())
                .isEqualTo("EnqueueOptions.delay");
    }

    @Test
    void delayIsNotNegative() {
        ConfigException e = rejected(() -> EnqueueOptions.defaults().delay(Duration.ofMillis(-1)));

        assertThat(e.option()).isEqualTo("EnqueueOptions.delay");
        assertThat(e.value()).isEqualTo("PT-0.001S");
        assertThat(EnqueueOptions.defaults().delay(Duration.ZERO).delay()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void maxAttemptsIsAtLeastOne(int maxAttempts) {
        ConfigException e = rejected(() -> EnqueueOptions.defaults().maxAttempts(maxAttempts));

        assertThat(e.option()).isEqualTo("EnqueueOptions.maxAttempts");
        assertThat(e.value()).isEqualTo(String.valueOf(maxAttempts));
        assertThat(EnqueueOptions.defaults().maxAttempts(1).maxAttempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void uniqueKeyIsNotBlank(String key) {
        assertThat(rejected(() -> EnqueueOptions.defaults().uniqueKey(key)).option()).isEqualTo("EnqueueOptions.uniqueKey");
    }

    @Test
    void uniqueKeyHasAtMostTwoHundredCharacters() {
        ConfigException e = rejected(() -> EnqueueOptions.defaults().uniqueKey("k".repeat(201)));

        assertThat(e.option()).isEqualTo("EnqueueOptions.uniqueKey");
        assertThat(e.getMessage()).contains("at most 200 characters");
        assertThat(EnqueueOptions.defaults().uniqueKey("k".repeat(200)).uniqueKey()).hasSize(200);
    }

    private static ConfigException rejected(ThrowingCallable call) {
        return Expect.thrown(ConfigException.class, call);
    }
}
