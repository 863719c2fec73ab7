package dev.baton.spi;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Positive;

class ReadableRangePropertyTest {

    @Property
    void containsExactlyTheVersionsFromMinToMax(
            @ForAll @Positive int min, @ForAll @IntRange(min = 0, max = 1_000) int width, @ForAll int version) {
        Assume.that(min <= Integer.MAX_VALUE - width);
        ReadableRange range = new ReadableRange("send-mail", min, min + width);

        assertThat(range.contains("send-mail", version)).isEqualTo(version >= min && version <= min + width);
        assertThat(range.contains("other", version)).isFalse();
    }
}
