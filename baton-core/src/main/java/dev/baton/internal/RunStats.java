package dev.baton.internal;

import dev.baton.RunCount;
import dev.baton.RunOutcome;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of run outcomes per (type, version): the numbers behind logs, dashboards and tests. */
public final class RunStats {

    private record Key(String type, int version, RunOutcome outcome) {}

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String type, int version, RunOutcome outcome) {
        add(type, version, outcome, 1);
    }

    void add(String type, int version, RunOutcome outcome, long n) {
        counts.computeIfAbsent(new Key(type, version, outcome), k -> new LongAdder()).add(n);
    }

    public List<RunCount> snapshot() {
        return counts.entrySet().stream()
                .map(e -> new RunCount(e.getKey().type(), e.getKey().version(), e.getKey().outcome(), e.getValue().sum()))
                .sorted(Comparator.comparing(RunCount::type).thenComparing(RunCount::version)
                        .thenComparing(RunCount::outcome))
                .toList();
    }
}
