package dev.baton.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadableRangeTest {

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({"0, 1", "-1, 3", "0, 0", "3, 2", "2, 1"})
    void refusesVersionsBelowOneAndBackwardRanges(int min, int max) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReadableRange("send-mail", min, max))
                .withMessageContaining(min + ".." + max).withMessageContaining("send-mail");
    }

    @Test
    void needsAType() {
        assertThatNullPointerException().isThrownBy(() -> new ReadableRange(null, 1, 1));
    }

    @Test
    void containsBothEnds() {
        ReadableRange range = new ReadableRange("send-mail", 2, 4);

        assertThat(range.contains("send-mail", 1)).isFalse();
        assertThat(range.contains("send-mail", 2)).isTrue();
        assertThat(range.contains("send-mail", 3)).isTrue();
        assertThat(range.contains("send-mail", 4)).isTrue();
        assertThat(range.contains("send-mail", 5)).isFalse();
    }

    @Test
    void aSingleVersionRange() {
        ReadableRange range = new ReadableRange("send-mail", 3, 3);

        assertThat(range.contains("send-mail", 3)).isTrue();
        assertThat(range.contains("send-mail", 2)).isFalse();
        assertThat(range.contains("send-mail", 4)).isFalse();
    }

    @Test
    void containsOnlyItsOwnType() {
        ReadableRange range = new ReadableRange("send-mail", 1, 9);

        assertThat(range.contains("send-sms", 1)).isFalse();
        assertThat(range.contains("Send-Mail", 1)).isFalse();
    }
}
