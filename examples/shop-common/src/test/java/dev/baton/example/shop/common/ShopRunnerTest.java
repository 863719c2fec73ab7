package dev.baton.example.shop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written command line: every option, and a clear message for each mistake. */
class ShopRunnerTest {

    @Test
    void parsesEveryOption() {
        ShopRunner.Options options = ShopRunner.Options.parse(new String[] {"--jdbc-url", "jdbc:h2:mem:x", "--role", "web",
                "--node-id", "web-1", "--unprotected", "--rate=12.5", "--setting", "pollMillis=20",
                "--setting=maxAttempts=5"});
        assertThat(options.jdbcUrl).isEqualTo("jdbc:h2:mem:x");
        assertThat(options.role).isEqualTo("web");
        assertThat(options.nodeId).isEqualTo("web-1");
        assertThat(options.protect).isFalse();
        assertThat(options.rate).isEqualTo(12.5);
        assertThat(options.settings).isEqualTo(Map.of("pollMillis", "20", "maxAttempts", "5"));
    }

    @Test
    void defaults() {
        ShopRunner.Options options = ShopRunner.Options.parse(new String[] {"--jdbc-url", "u", "--role", "worker", "--node-id", "w"});
        assertThat(options.protect).isTrue();
        assertThat(options.rate).isEqualTo(50);
        assertThat(options.settings).isEmpty();
        assertThat(ShopRunner.Options.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> ShopRunner.Options.parse(new String[] {"--role", "web", "--node-id", "w"}))
                .hasMessageContaining("--jdbc-url is required");
        assertThatThrownBy(() -> ShopRunner.Options.parse(new String[] {"--jdbc-url", "u", "--role", "cook", "--node-id", "w"}))
                .hasMessageContaining("--role cook");
        assertThatThrownBy(() -> ShopRunner.Options.parse(new String[] {"--jdbc-url", "u", "--role", "web", "--node-id"}))
                .hasMessageContaining("--node-id needs a value");
        assertThatThrownBy(() -> ShopRunner.Options.parse(new String[] {"--jdbc-url", "u", "--role", "web", "--node-id", "w",
                "--rate", "fast"})).hasMessageContaining("--rate fast");
        assertThatThrownBy(() -> ShopRunner.Options.parse(new String[] {"--jdbc-url", "u", "--role", "web", "--node-id", "w",
                "--setting", "nope=1"})).hasMessageContaining("unknown setting \"nope\"");
        assertThatThrownBy(() -> ShopRunner.Options.parse(new String[] {"--jdbc-url", "u", "--role", "web", "--node-id", "w",
                "--frobnicate"})).hasMessageContaining("unknown option --frobnicate");
    }
}
