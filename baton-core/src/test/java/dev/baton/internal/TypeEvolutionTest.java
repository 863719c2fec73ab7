package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.ConfigException;
import dev.baton.Downcaster;
import dev.baton.Expect;
import dev.baton.Job;
import dev.baton.PayloadException;
import dev.baton.Upcaster;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every check {@link TypeEvolution#of} makes, with its message, and the casters' behaviour on examples. */
class TypeEvolutionTest {

    @Job(name = "user-confirmation", version = 4, queue = "mailers")
    record UserConfirmation(long userId) {}

    private static final Upcaster UP = payload -> {};
    private static final Downcaster DOWN = payload -> {};

    private static JobTypeInfo at(int version) {
        return new JobTypeInfo("user-confirmation", version, "mailers", UserConfirmation.class);
    }

    private static Map<Integer, Upcaster> ups(int... from) {
        Map<Integer, Upcaster> map = new LinkedHashMap<>();
        for (int k : from) {
            map.put(k, UP);
        }
        return map;
    }

    private static Map<Integer, Downcaster> downs(int... from) {
        Map<Integer, Downcaster> map = new LinkedHashMap<>();
        for (int k : from) {
            map.put(k, DOWN);
        }
        return map;
    }

    private static ConfigException rejected(ThrowingCallable call) {
        return Expect.thrown(ConfigException.class, call);
    }

    @Test
    void withoutCastersItReadsAndWritesOnlyTheCurrentVersion() {
        TypeEvolution evolution = TypeEvolution.of(at(3), Map.of(), Map.of(), "UserConfirmation.class");

        assertThat(evolution.current()).isEqualTo(3);
        assertThat(evolution.minReadable()).isEqualTo(3);
        assertThat(evolution.minWritable()).isEqualTo(3);
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("userId", 42);
        assertThat(evolution.upcast(payload.deepCopy(), 3)).isEqualTo(payload);
        assertThat(evolution.downcast(payload.deepCopy(), 3)).isEqualTo(payload);
    }

    @Test
    void anUpcasterFromZeroIsRefused() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(2), ups(0), Map.of(), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, 0)");
        assertThat(e.value()).isEqualTo("0");
        assertThat(e.getMessage()).isEqualTo("upcast(UserConfirmation.class, 0) was 0; an upcaster reads version k and "
                + "writes k+1, so k must be between 1 and 1 for user-confirmation at v2");
    }

    @Test
    void anUpcasterFromTheCurrentVersionIsRefused() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(4), ups(1, 2, 3, 4), Map.of(), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, 4)");
        assertThat(e.value()).isEqualTo("4");
        assertThat(e.getMessage()).contains("k must be between 1 and 3 for user-confirmation at v4")
                .doesNotContain("raise @Job(version) first");
    }

    @Test
    void anUpcasterAboveTheCurrentVersionIsRefused() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(4), ups(7), Map.of(), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, 7)");
        assertThat(e.value()).isEqualTo("7");
    }

    @Test
    void anUpcasterAtVersionOneSaysToRaiseTheVersionFirst() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(1), ups(1), Map.of(), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, 1)");
        assertThat(e.getMessage()).contains("between 1 and 0 for user-confirmation at v1")
                .endsWith("(raise @Job(version) first)");
    }

    @Test
    void aGapInTheUpcasterChainNamesTheMissingUpcaster() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(4), ups(1, 3), Map.of(), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, 2)");
        assertThat(e.value()).isEqualTo("not set");
        assertThat(e.getMessage()).isEqualTo("upcast(UserConfirmation.class, 2) was not set; the upcast chain of "
                + "user-confirmation has a gap at v2 -> v3, so versions below it could not be read: "
                + "add .upcast(UserConfirmation.class, 2, ...) or remove the upcasters below it");
    }

    @Test
    void anUpcasterChainMustReachTheCurrentVersion() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(4), ups(1, 2), Map.of(), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, 3)");
        assertThat(e.getMessage()).contains("gap at v3 -> v4").contains("add .upcast(UserConfirmation.class, 3, ...)");
    }

    @Test
    void aDowncasterFromOneIsRefused() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(3), Map.of(), downs(1), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("downcast(UserConfirmation.class, 1)");
        assertThat(e.value()).isEqualTo("1");
        assertThat(e.getMessage()).isEqualTo("downcast(UserConfirmation.class, 1) was 1; a downcaster reads version k "
                + "and writes k-1, so k must be between 2 and 3 for user-confirmation at v3");
    }

    @Test
    void aDowncasterAboveTheCurrentVersionIsRefused() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(3), Map.of(), downs(3, 4), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("downcast(UserConfirmation.class, 4)");
        assertThat(e.value()).isEqualTo("4");
        assertThat(e.getMessage()).contains("k must be between 2 and 3 for user-confirmation at v3");
    }

    @Test
    void aDowncasterAtVersionOneIsRefused() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(1), Map.of(), downs(2), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("downcast(UserConfirmation.class, 2)");
        assertThat(e.getMessage()).contains("between 2 and 1 for user-confirmation at v1");
    }

    @Test
    void aGapInTheDowncasterChainNamesTheMissingDowncaster() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(4), Map.of(), downs(4, 2), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("downcast(UserConfirmation.class, 3)");
        assertThat(e.value()).isEqualTo("not set");
        assertThat(e.getMessage()).isEqualTo("downcast(UserConfirmation.class, 3) was not set; the downcast chain of "
                + "user-confirmation has a gap at v3 -> v2, so versions below it could not be written: "
                + "add .downcast(UserConfirmation.class, 3, ...) or remove the downcasters below it");
    }

    @Test
    void aDowncasterChainMustStartAtTheCurrentVersion() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(4), Map.of(), downs(2, 3), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("downcast(UserConfirmation.class, 4)");
        assertThat(e.getMessage()).contains("gap at v4 -> v3");
    }

    @Test
    void rangesAreCheckedBeforeGaps() {
        ConfigException e = rejected(() -> TypeEvolution.of(at(4), ups(1, 5), Map.of(), "UserConfirmation.class"));

        assertThat(e.option()).isEqualTo("upcast(UserConfirmation.class, 5)");
    }

    @Test
    void fullChainsReadAndWriteDownToTheirEnds() {
        TypeEvolution evolution = TypeEvolution.of(at(4), ups(2, 3), downs(4, 3, 2), "UserConfirmation.class");

        assertThat(evolution.minReadable()).isEqualTo(2);
        assertThat(evolution.minWritable()).isEqualTo(1);
    }

    @Test
    void aThrowingUpcasterNamesItsStep() {
        Map<Integer, Upcaster> ups = ups(1, 2, 3);
        ups.put(3, payload -> {
            throw new IllegalArgumentException("no date");
        });
        TypeEvolution evolution = TypeEvolution.of(at(4), ups, Map.of(), "UserConfirmation.class");

        PayloadException e = Expect.thrown(PayloadException.class,
                () -> evolution.upcast(JsonNodeFactory.instance.objectNode(), 2));

        assertThat(e.type()).isEqualTo("user-confirmation");
        assertThat(e.version()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("job user-confirmation v2: the upcaster v3 -> v4 failed: "
                + "java.lang.IllegalArgumentException: no date");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThrowingDowncasterNamesItsStep() {
        Map<Integer, Downcaster> downs = downs(4, 3);
        downs.put(3, payload -> {
            throw new IllegalArgumentException("no default");
        });
        TypeEvolution evolution = TypeEvolution.of(at(4), Map.of(), downs, "UserConfirmation.class");

        PayloadException e = Expect.thrown(PayloadException.class,
                () -> evolution.downcast(JsonNodeFactory.instance.objectNode(), 2));

        assertThat(e.type()).isEqualTo("user-confirmation");
        assertThat(e.getMessage()).contains("the downcaster v3 -> v2 failed").contains("no default");
    }

    @Test
    void anUpcastFromBelowTheChainIsAPayloadError() {
        TypeEvolution evolution = TypeEvolution.of(at(4), ups(2, 3), Map.of(), "UserConfirmation.class");

        PayloadException e = Expect.thrown(PayloadException.class,
                () -> evolution.upcast(JsonNodeFactory.instance.objectNode(), 1));

        assertThat(e.type()).isEqualTo("user-confirmation");
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("job user-confirmation v1: this node reads v2 to v4 and has no upcaster from v1");
    }

    @Test
    void aDowncastBelowTheChainIsAPlannerError() {
        TypeEvolution evolution = TypeEvolution.of(at(4), Map.of(), downs(4, 3), "UserConfirmation.class");

        IllegalStateException e = Expect.thrown(IllegalStateException.class,
                () -> evolution.downcast(JsonNodeFactory.instance.objectNode(), 1));

        assertThat(e.getMessage()).contains("user-confirmation").contains("no downcaster from v2");
    }
}
