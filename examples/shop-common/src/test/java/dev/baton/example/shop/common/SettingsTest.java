package dev.baton.example.shop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node's tunables: defaults, overrides, and a message naming each mistake. */
class SettingsTest {

    @Test
    void defaultsAndOverrides() {
        Settings defaults = Settings.of(null);
        assertThat(defaults).isEqualTo(Settings.of(Map.of()));
        assertThat(defaults.pollMillis()).isEqualTo(50);
        assertThat(defaults.concurrency()).isEqualTo(4);
        assertThat(defaults.shutdownMillis()).isEqualTo(5000);
        assertThat(defaults.jobSettings().maxAttempts()).isEqualTo(3);

        Settings overridden = Settings.of(Map.of("pollMillis", " 20 ", "maxAttempts", "5", "shutdownMillis", "0"));
        assertThat(overridden.pollMillis()).isEqualTo(20);
        assertThat(overridden.jobSettings().maxAttempts()).isEqualTo(5);
        assertThat(overridden.shutdownMillis()).isZero();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> Settings.of(Map.of("pollMilis", "10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollMilis")
                .hasMessageContaining("pollMillis");
        assertThatThrownBy(() -> Settings.of(Map.of("maxAttempts", "three")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts=three");
        assertThatThrownBy(() -> Settings.of(Map.of("concurrency", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Settings.of(Map.of("shutdownMillis", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
}
