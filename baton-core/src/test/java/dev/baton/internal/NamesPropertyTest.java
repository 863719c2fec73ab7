package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NamesPropertyTest {

    /** A suggestion printed in an error message must itself pass, or the user is sent round in circles. */
    @Property
    void everySuggestionIsKebabCase(@ForAll String anything) {
        String suggestion = Names.suggest(anything);

        assertThat(suggestion).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
        if (suggestion.length() <= Names.MAX_QUEUE_LENGTH) {
            assertThat(Names.checkType(suggestion)).isNull();
            assertThat(Names.checkQueue(suggestion)).isNull();
        }
    }

    @Property
    void aValidTypeNameIsItsOwnSuggestionAndAValidQueueName(@ForAll("kebabNames") String name) {
        assertThat(Names.checkType(name)).isNull();
        assertThat(Names.suggest(name)).isEqualTo(name);
        assertThat(Names.checkQueue(name)).isNull();
    }

    @Property
    void aRejectedNameIsQuotedInItsMessage(@ForAll String name) {
        for (String problem : new String[] {Names.checkType(name), Names.checkQueue(name)}) {
            if (problem != null && !name.isEmpty()) {
                assertThat(problem).contains("\"" + name + "\"");
            }
        }
    }

    @Provide
    Arbitrary<String> kebabNames() {
        Arbitrary<String> head = Combinators.combine(
                        Arbitraries.chars().range('a', 'z'),
                        Arbitraries.strings().withCharRange('a', 'z').numeric().ofMaxLength(9))
                .as((first, rest) -> first + rest);
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(9);
        return Combinators.combine(head, word.list().ofMaxSize(5))
                .as((first, others) -> others.isEmpty() ? first : first + "-" + String.join("-", others));
    }
}
