package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Downcaster;
import dev.baton.Job;
import dev.baton.spi.NodeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fleet-aware writing, {@link WritePlanner#target}, on generated fleets: the newest (name, version) that
 * every live worker of the type reads and this node can write, else the current one.
 */
class WritePlannerPropertyTest {

    @Job(name = "send-mail", queue = "mailers")
    record SendMail(String to) {}

    private static final String NAME = "send-mail";
    private static final String QUEUE = "mailers";
    private static final List<String> ALIASES = List.of("mail-send", "post-mail", "send-email");
    private static final List<String> QUEUES = List.of(QUEUE, "mail", "bulk");

    /** A type at {@code current} with {@code aliases}, downcasters to {@code minWritable}, and the live workers of it. */
    record Scenario(int current, List<String> aliases, int minWritable, List<NodeType> workers) {

        JobTypeInfo info() {
            return new JobTypeInfo(NAME, current, QUEUE, aliases, SendMail.class);
        }

        TypeEvolution evolution() {
            Map<Integer, Downcaster> down = new HashMap<>();
            for (int k = current; k > minWritable; k--) {
                down.put(k, payload -> {});
            }
            return TypeEvolution.of(info(), Map.of(), down, "SendMail.class");
        }

        WriteTarget target() {
            return WritePlanner.target(info(), evolution(), workers);
        }

        WriteTarget currentTarget() {
            return new WriteTarget(NAME, current, QUEUE);
        }

        /** The newest version every worker's range holds and this node writes, if any. */
        Optional<Integer> sharedVersion() {
            int low = Math.max(minWritable, workers.stream().mapToInt(NodeType::minVersion).max().orElse(1));
            int high = Math.min(current, workers.stream().mapToInt(NodeType::maxVersion).min().orElse(current));
            return low <= high ? Optional.of(high) : Optional.empty();
        }

        /** The first stored name of the type that every worker knows, if any. */
        Optional<String> sharedName() {
            return info().storedNames().stream().filter(n -> workers.stream().allMatch(w -> w.knows(n))).findFirst();
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return scenarios(0, 5);
    }

    @Provide
    Arbitrary<Scenario> fleets() {
        return scenarios(1, 5);
    }

    private static Arbitrary<Scenario> scenarios(int minWorkers, int maxWorkers) {
        return Arbitraries.integers().between(1, 8).flatMap(current -> Arbitraries.integers().between(0, ALIASES.size())
                .flatMap(aliasCount -> {
                    List<String> aliases = ALIASES.subList(0, aliasCount);
                    List<String> stored = new ArrayList<>();
                    stored.add(NAME);
                    stored.addAll(aliases);
                    return Combinators.combine(
                            Arbitraries.integers().between(1, current),
                            worker(current, stored).list().ofMinSize(minWorkers).ofMaxSize(maxWorkers))
                            .as((minWritable, workers) -> new Scenario(current, aliases, minWritable, workers));
                }));
    }

    /** A live worker entry: some of the type's stored names (plus, maybe, an unrelated one), a range, queues. */
    private static Arbitrary<NodeType> worker(int current, List<String> stored) {
        Arbitrary<List<String>> known = Arbitraries.subsetOf(stored).ofMinSize(1)
                .map(set -> stored.stream().filter(set::contains).toList())
                .flatMap(names -> Arbitraries.integers().between(0, names.size() - 1)
                        .map(first -> rotate(names, first)));
        Arbitrary<Boolean> unrelated = Arbitraries.of(true, false);
        Arbitrary<int[]> range = Arbitraries.integers().between(1, current + 2)
                .flatMap(min -> Arbitraries.integers().between(min, current + 2).map(max -> new int[] {min, max}));
        Arbitrary<List<String>> queues = Arbitraries.subsetOf(QUEUES).ofMinSize(1)
                .map(set -> QUEUES.stream().filter(set::contains).toList())
                .flatMap(list -> Arbitraries.shuffle(list));
        return Combinators.combine(known, unrelated, range, queues).as((names, other, minMax, served) -> {
            List<String> aliases = new ArrayList<>(names.subList(1, names.size()));
            if (other) {
                aliases.add("unrelated-type");
            }
            return new NodeType(names.get(0), aliases, minMax[0], minMax[1], served, false);
        });
    }

    private static List<String> rotate(List<String> names, int first) {
        List<String> rotated = new ArrayList<>(names.subList(first, names.size()));
        rotated.addAll(names.subList(0, first));
        return rotated;
    }

    @Property
    void withoutWorkersItWritesTheCurrentTarget(@ForAll("scenarios") Scenario scenario) {
        Scenario alone = new Scenario(scenario.current(), scenario.aliases(), scenario.minWritable(), List.of());

        assertThat(alone.target()).isEqualTo(alone.currentTarget());
    }

    @Property
    void itWritesTheNewestVersionEveryWorkerReads(@ForAll("fleets") Scenario scenario) {
        Assume.that(scenario.sharedVersion().isPresent() && scenario.sharedName().isPresent());

        WriteTarget target = scenario.target();

        assertThat(target.version()).isEqualTo(scenario.sharedVersion().orElseThrow());
        assertThat(target.type()).isEqualTo(scenario.sharedName().orElseThrow());
        for (NodeType worker : scenario.workers()) {
            assertThat(worker.knows(target.type())).as("%s knows %s", worker, target.type()).isTrue();
            assertThat(target.version()).as("%s reads v%d", worker, target.version())
                    .isBetween(worker.minVersion(), worker.maxVersion());
        }
    }

    @Property
    void withoutASharedVersionItWritesTheCurrentTarget(@ForAll("fleets") Scenario scenario) {
        Assume.that(scenario.sharedVersion().isEmpty());

        assertThat(scenario.target()).isEqualTo(scenario.currentTarget());
    }

    // Most generated fleets share a name; unshared ones are rarer, so allow more discards.
    @Property(maxDiscardRatio = 50)
    void withoutASharedNameItWritesTheCurrentTarget(@ForAll("fleets") Scenario scenario) {
        Assume.that(scenario.sharedName().isEmpty());

        assertThat(scenario.target()).isEqualTo(scenario.currentTarget());
    }

    @Example
    void workersWithNoCommonNameGetTheCurrentTarget() {
        NodeType knowsOnlyTheOldName = new NodeType("mail-send", List.of(), 1, 1, List.of(QUEUE), false);
        NodeType knowsOnlyTheNewName = new NodeType(NAME, List.of(), 1, 2, List.of(QUEUE), false);
        Scenario scenario = new Scenario(2, List.of("mail-send"), 1, List.of(knowsOnlyTheOldName, knowsOnlyTheNewName));

        assertThat(scenario.target()).isEqualTo(new WriteTarget(NAME, 2, QUEUE));
    }

    @Property
    void theTargetIsAStoredNameAtAWritableVersion(@ForAll("scenarios") Scenario scenario) {
        WriteTarget target = scenario.target();

        assertThat(scenario.info().storedNames()).contains(target.type());
        assertThat(target.version()).isBetween(scenario.minWritable(), scenario.current());
    }

    @Property
    void theTypesQueueIsKeptWhenEveryWorkerServesIt(@ForAll("scenarios") Scenario scenario) {
        Assume.that(scenario.workers().stream().allMatch(w -> w.queues().contains(QUEUE)));

        assertThat(scenario.target().queue()).isEqualTo(QUEUE);
    }

    @Property
    void anotherQueueIsOneEveryWorkerServes(@ForAll("fleets") Scenario scenario) {
        WriteTarget target = scenario.target();
        Assume.that(!target.queue().equals(QUEUE));

        assertThat(scenario.workers()).allSatisfy(w -> assertThat(w.queues()).contains(target.queue()));
    }

    @Property
    void retiredEntriesAndOtherTypesAreNotWorkersOfTheType(@ForAll("fleets") Scenario scenario) {
        List<NodeType> entries = new ArrayList<>(scenario.workers());
        entries.add(new NodeType(NAME, scenario.aliases(), 1, Integer.MAX_VALUE, List.of(QUEUE), true));
        entries.add(new NodeType("resize-image", List.of(), 1, 1, List.of("images"), false));
        dev.baton.spi.NodeRecord node = nodeWith(entries);

        assertThat(WritePlanner.workersOf(scenario.info(), List.of(node))).isEqualTo(scenario.workers());
    }

    private static dev.baton.spi.NodeRecord nodeWith(List<NodeType> types) {
        return new dev.baton.spi.NodeRecord("node-a", 1L, "2026.11.3", "host-a", "worker", List.of(QUEUE), types,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, dev.baton.spi.ConnectionState.NOT_TRACKED);
    }
}
