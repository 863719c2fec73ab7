package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.WithNull;

class PayloadCodecPropertyTest {

    record Note(String text, long number, String maybeNull, Optional<String> maybe, List<String> lines,
            Map<String, Long> counts) {}

    private static final JobTypeInfo NOTE = new JobTypeInfo("note", 1, "default", Note.class);

    private final PayloadCodec codec = new PayloadCodec();

    /** Any text (unicode, quotes, backslashes, control characters) and any long come back as they went. */
    @Property
    void writeThenReadGivesAnEqualRecord(
            @ForAll("texts") String text,
            @ForAll long number,
            @ForAll("texts") @WithNull String maybeNull,
            @ForAll Optional<@From("texts") String> maybe,
            @ForAll List<@From("texts") String> lines,
            @ForAll Map<@From("texts") String, Long> counts) {
        Note note = new Note(text, number, maybeNull, maybe, lines, counts);

        String payload = codec.write(NOTE, note);

        assertThat(payload).startsWith("{").endsWith("}");
        assertThat(codec.read(NOTE, 1, payload, Note.class)).isEqualTo(note);
    }

    /**
     * Characters JSON escapes or mangles most often, plus any code point outside the surrogate range
     * (jqwik's default strings are mostly CJK). Lone surrogates are left out: they are not text, and a
     * UTF-8 column could not hold them whatever the codec did.
     */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> tricky = Arbitraries.of(
                "\"", "\\", "/", "'", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u2028", "\u2029",
                "\ufeff", "\ufffd", "é", "e\u0301", "😀", "👩‍👩‍👧", "𝄞", "null", "{}", "\\u0041", "</script>");
        Arbitrary<String> control = Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf);
        Arbitrary<String> anyCodePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .map(Character::toString);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(3, tricky), Tuple.of(2, control), Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(3)),
                Tuple.of(2, anyCodePoint));
        return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }
}
