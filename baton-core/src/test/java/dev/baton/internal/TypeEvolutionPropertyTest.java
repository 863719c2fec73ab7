package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Downcaster;
import dev.baton.Expect;
import dev.baton.Job;
import dev.baton.PayloadException;
import dev.baton.Upcaster;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The version chain of a type on generated, invertible chains. Version v of the payload is
 * {@code {id, label_v, f2..fv, gone_v..gone_12}}: upcaster k adds {@code f<k+1>}, renames {@code label_k}
 * to {@code label_<k+1>} and removes {@code gone_k}; downcaster k (k -> k-1) undoes exactly that. So the payload
 * of every version is known independently of the casters, and both directions can be compared with it.
 */
class TypeEvolutionPropertyTest {

    @Job(name = "evolving")
    record Evolving(long id) {}

    private static final String TYPE = "evolving";
    private static final int MAX_VERSION = 12;

    /** A type at version {@code current}, upcasters from {@code minReadable} and downcasters to {@code minWritable}. */
    record Chain(int current, int minReadable, int minWritable) {

        TypeEvolution evolution() {
            return evolution(-1, -1);
        }

        /** The chain, with the upcaster from {@code failingUp} and the downcaster from {@code failingDown} throwing. */
        TypeEvolution evolution(int failingUp, int failingDown) {
            Map<Integer, Upcaster> up = new HashMap<>();
            for (int k = minReadable; k < current; k++) {
                int from = k;
                up.put(k, from == failingUp ? payload -> {
                    throw new IllegalStateException("up " + from + " broke");
                } : payload -> {
                    payload.put("f" + (from + 1), from + 1);
                    payload.set("label_" + (from + 1), payload.remove("label_" + from));
                    payload.remove("gone_" + from);
                });
            }
            Map<Integer, Downcaster> down = new HashMap<>();
            for (int k = current; k > minWritable; k--) {
                int from = k;
                down.put(k, from == failingDown ? payload -> {
                    throw new IllegalStateException("down " + from + " broke");
                } : payload -> {
                    payload.remove("f" + from);
                    payload.set("label_" + (from - 1), payload.remove("label_" + from));
                    payload.put("gone_" + (from - 1), "legacy");
                });
            }
            return TypeEvolution.of(new JobTypeInfo(TYPE, current, "default", Evolving.class), up, down,
                    "Evolving.class");
        }
    }

    /** The payload a writer at {@code version} produces directly, without any caster. */
    static ObjectNode written(int version, long id, String label) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("id", id);
        payload.put("label_" + version, label);
        for (int k = version; k <= MAX_VERSION; k++) {
            payload.put("gone_" + k, "legacy");
        }
        for (int k = 2; k <= version; k++) {
            payload.put("f" + k, k);
        }
        return payload;
    }

    @Provide
    Arbitrary<Chain> chains() {
        return Arbitraries.integers().between(1, MAX_VERSION).flatMap(current -> Combinators.combine(
                Arbitraries.integers().between(1, current), Arbitraries.integers().between(1, current))
                .as((up, down) -> new Chain(current, up, down)));
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.strings().ofMaxLength(20);
    }

    @Property
    void theChainsSayWhatIsReadableAndWritable(@ForAll("chains") Chain chain) {
        TypeEvolution evolution = chain.evolution();

        assertThat(evolution.minReadable()).isEqualTo(chain.minReadable());
        assertThat(evolution.minWritable()).isEqualTo(chain.minWritable());
        assertThat(evolution.current()).isEqualTo(chain.current());
        assertThat(evolution.info().name()).isEqualTo(TYPE);
    }

    @Property
    void upcastingAnyReadableVersionGivesWhatACurrentWriterWrites(@ForAll("chains") Chain chain, @ForAll long id,
            @ForAll("labels") String label) {
        TypeEvolution evolution = chain.evolution();
        ObjectNode current = written(chain.current(), id, label);

        for (int version = chain.minReadable(); version <= chain.current(); version++) {
            ObjectNode payload = written(version, id, label);

            ObjectNode upcast = evolution.upcast(payload, version);

            assertThat(upcast).as("upcast from v%d", version).isSameAs(payload).isEqualTo(current);
        }
    }

    @Property
    void downcastingGivesWhatAnOlderWriterWritesAndUpcastingBringsItBack(@ForAll("chains") Chain chain,
            @ForAll long id, @ForAll("labels") String label) {
        TypeEvolution evolution = chain.evolution();
        ObjectNode current = written(chain.current(), id, label);

        for (int target = chain.minWritable(); target <= chain.current(); target++) {
            ObjectNode payload = current.deepCopy();

            ObjectNode downcast = evolution.downcast(payload, target);

            assertThat(downcast).as("downcast to v%d", target).isSameAs(payload).isEqualTo(written(target, id, label));
            if (target >= chain.minReadable()) {
                assertThat(evolution.upcast(downcast, target)).as("round trip through v%d", target).isEqualTo(current);
            }
        }
    }

    @Property
    void aVersionBelowTheUpcasterChainIsAPayloadErrorNamingTypeAndVersion(@ForAll("chains") Chain chain,
            @ForAll long id, @ForAll("labels") String label) {
        Assume.that(chain.minReadable() > 1);
        TypeEvolution evolution = chain.evolution();

        for (int version = 1; version < chain.minReadable(); version++) {
            int stored = version;
            PayloadException e = Expect.thrown(PayloadException.class,
                    () -> evolution.upcast(written(stored, id, label), stored));

            assertThat(e.type()).isEqualTo(TYPE);
            assertThat(e.version()).isEqualTo(stored);
            assertThat(e.field()).isNull();
            assertThat(e.getMessage())
                    .startsWith("job " + TYPE + " v" + stored + ": ")
                    .contains("reads v" + chain.minReadable() + " to v" + chain.current());
        }
    }

    @Property
    void aThrowingUpcasterIsAPayloadErrorNamingItsStep(@ForAll("chains") Chain chain, @ForAll long id,
            @ForAll("labels") String label, @ForAll("picks") int pick) {
        Assume.that(chain.minReadable() < chain.current());
        int failing = chain.minReadable() + Math.floorMod(pick, chain.current() - chain.minReadable());
        TypeEvolution evolution = chain.evolution(failing, -1);

        for (int version = chain.minReadable(); version <= chain.current(); version++) {
            ObjectNode payload = written(version, id, label);
            if (version > failing) {
                assertThat(evolution.upcast(payload, version)).isEqualTo(written(chain.current(), id, label));
                continue;
            }
            int stored = version;
            PayloadException e = Expect.thrown(PayloadException.class, () -> evolution.upcast(payload, stored));

            assertThat(e.type()).isEqualTo(TYPE);
            assertThat(e.version()).isEqualTo(stored);
            assertThat(e.getMessage())
                    .startsWith("job " + TYPE + " v" + stored + ": ")
                    .contains("the upcaster v" + failing + " -> v" + (failing + 1) + " failed")
                    .contains("up " + failing + " broke");
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("up " + failing + " broke");
        }
    }

    @Property
    void aThrowingDowncasterIsAPayloadErrorNamingItsStep(@ForAll("chains") Chain chain, @ForAll long id,
            @ForAll("labels") String label, @ForAll("picks") int pick) {
        Assume.that(chain.minWritable() < chain.current());
        int failing = chain.minWritable() + 1 + Math.floorMod(pick, chain.current() - chain.minWritable());
        TypeEvolution evolution = chain.evolution(-1, failing);

        for (int target = chain.minWritable(); target <= chain.current(); target++) {
            ObjectNode payload = written(chain.current(), id, label);
            if (target >= failing) {
                assertThat(evolution.downcast(payload, target)).isEqualTo(written(target, id, label));
                continue;
            }
            int to = target;
            PayloadException e = Expect.thrown(PayloadException.class, () -> evolution.downcast(payload, to));

            assertThat(e.type()).isEqualTo(TYPE);
            assertThat(e.version()).isEqualTo(failing);
            assertThat(e.getMessage())
                    .contains("the downcaster v" + failing + " -> v" + (failing - 1) + " failed")
                    .contains("down " + failing + " broke");
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Provide
    Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 1_000);
    }
}
