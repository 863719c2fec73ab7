package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void keepsMessageAndStackTrace() {
        String text = ErrorText.of(new IllegalStateException("boom"));

        assertThat(text).startsWith("java.lang.IllegalStateException: boom").contains("\tat ");
    }

    @Test
    void boundsAHugeTraceAndSaysSo() {
        String text = ErrorText.of(new IllegalStateException("x".repeat(100_000)));

        assertThat(text).hasSize(ErrorText.MAX_CHARS + "\n\t... (truncated)".length()).endsWith("\n\t... (truncated)");
    }

    @Test
    void summaryIsTheSimpleClassNameAndMessage() {
        assertThat(ErrorText.summary(new IllegalStateException("boom"))).isEqualTo("IllegalStateException: boom");
        assertThat(ErrorText.summary(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
