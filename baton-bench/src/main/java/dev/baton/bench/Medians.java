package dev.baton.bench;

import dev.baton.bench.Results.Costs;
import dev.baton.bench.Results.Drain;
import dev.baton.bench.Results.Latency;
import dev.baton.bench.Results.RawDrain;
import dev.baton.bench.Results.Rate;
import dev.baton.bench.Results.Ratios;
import dev.baton.bench.Results.StoreResult;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The median of each figure over {@code --repeat} runs of one store. Each figure's median is taken on its
 * own; the ratios are then computed from the medians, so that a printed ratio is its printed figures'.
 * A measurement counts as finished only when it finished in every run.
 */
final class Medians {

    private Medians() {}

    static StoreResult of(List<StoreResult> runs, Findings findings) {
        StoreResult first = runs.get(0);
        Rate enqueue = rate(runs, StoreResult::enqueue);
        Rate rawEnqueue = rate(runs, StoreResult::rawEnqueue);
        Drain drain = drain(runs, StoreResult::drain);
        Drain deleted = drain(runs, StoreResult::drainDeleteOnComplete);
        Drain scheduled = drain(runs, StoreResult::drainScheduled);
        RawDrain raw = rawDrain(runs, StoreResult::rawDrain);
        RawDrain rawScheduled = rawDrain(runs, StoreResult::rawDrainScheduled);
        return new StoreResult(first.store(), first.location(), runs.size(), first.rawMethod(), enqueue, rawEnqueue,
                drain, deleted, scheduled, raw, rawScheduled,
                latency(runs, StoreResult::latencyIdle), latency(runs, StoreResult::latencyAtRate),
                Ratios.of(enqueue, rawEnqueue, drain, deleted, scheduled, raw, rawScheduled),
                findings.notes(), findings.errors());
    }

    private static Rate rate(List<StoreResult> runs, Function<StoreResult, Rate> figure) {
        List<Rate> rates = runs.stream().map(figure).toList();
        return new Rate((long) median(rates, Rate::count), rates.get(0).expected(), median(rates, Rate::seconds),
                median(rates, Rate::perSecond), rates.stream().allMatch(Rate::finished));
    }

    private static Drain drain(List<StoreResult> runs, Function<StoreResult, Drain> figure) {
        List<Drain> drains = runs.stream().map(figure).toList();
        return new Drain(rate(runs, figure.andThen(Drain::rate)),
                (long) median(drains, Drain::handlerRuns),
                drains.stream().mapToLong(Drain::duplicates).max().orElse(0),
                drains.stream().mapToLong(Drain::unfinished).max().orElse(0),
                drains.stream().mapToLong(Drain::dead).max().orElse(0),
                drains.get(0).scheduledRows(), costs(drains.stream().map(Drain::costs).toList()));
    }

    private static RawDrain rawDrain(List<StoreResult> runs, Function<StoreResult, RawDrain> figure) {
        List<RawDrain> drains = runs.stream().map(figure).toList();
        return new RawDrain(rate(runs, figure.andThen(RawDrain::rate)), drains.get(0).scheduledRows(),
                (long) median(drains, RawDrain::claims),
                drains.stream().mapToLong(RawDrain::left).max().orElse(0),
                costs(drains.stream().map(RawDrain::costs).toList()));
    }

    private static Costs costs(List<Costs> costs) {
        return new Costs(medianOrNull(costs, Costs::transactionsPerJob), median(costs, Costs::jvmCpuMicrosPerJob),
                medianOrNull(costs, Costs::databaseCpuMicrosPerJob));
    }

    private static Latency latency(List<StoreResult> runs, Function<StoreResult, Latency> figure) {
        List<Latency> all = runs.stream().map(figure).toList();
        return new Latency(all.get(0).producer(), all.get(0).expected(), (long) median(all, Latency::sent), (long) median(all, Latency::started),
                median(all, Latency::seconds), median(all, Latency::ratePerSecond), median(all, Latency::p50Ms),
                median(all, Latency::p99Ms), median(all, Latency::maxMs), all.stream().allMatch(Latency::finished));
    }

    /** The middle value; for an even count, the mean of the two middle ones. */
    static <T> double median(List<T> items, ToDoubleFunction<T> figure) {
        double[] values = items.stream().mapToDouble(figure).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static <T> Double medianOrNull(List<T> items, Function<T, Double> figure) {
        List<Double> values = items.stream().map(figure).filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : median(values, Double::doubleValue);
    }
}
