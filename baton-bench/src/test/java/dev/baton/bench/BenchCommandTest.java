package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A quick bench on each store, checked for what it must always hold: every figure there, counts that match,
 * ratios that are their figures' quotients. Never how fast: speed is for running the bench, not for tests.
 */
class BenchCommandTest {

    private static final List<String> BATON_DRAINS = List.of("drain", "drainDeleteOnComplete", "drainScheduled");
    private static final List<String> RAW_DRAINS = List.of("rawDrain", "rawDrainScheduled");

    @Test
    void quickBenchOnH2HasEveryFigure() {
        JsonNode store = quickBench("--store", "h2").path("stores").path("h2");

        assertEveryFigure(store, 5_000, 10_000);
        for (String drain : BATON_DRAINS) {
            // H2 runs in this JVM and counts no transactions: null, never a made-up 0.
            assertThat(store.path(drain).path("costs").path("transactionsPerJob").isNull()).isTrue();
            assertThat(store.path(drain).path("costs").path("databaseCpuMicrosPerJob").isNull()).isTrue();
        }
    }

    @Test
    void quickBenchOnPostgresHasEveryFigure() {
        String url = Postgres.requireReachable();

        JsonNode store = quickBench("--store", "postgres", "--jdbc-url", url).path("stores").path("postgres");

        assertEveryFigure(store, 5_000, 10_000);
        for (String drain : concat(BATON_DRAINS, RAW_DRAINS)) {
            assertThat(store.path(drain).path("costs").path("transactionsPerJob").asDouble()).as(drain).isPositive();
            assertThat(store.path(drain).path("costs").path("databaseCpuMicrosPerJob").asDouble()).as(drain).isPositive();
        }
    }

    private static JsonNode quickBench(String... storeArgs) {
        String[] args = concat(List.of("--quick", "--json"), List.of(storeArgs)).toArray(String[]::new);
        BenchRun run = BenchRun.of(args);

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("errors").size()).as(json.path("errors").toString()).isZero();
        assertThat(json.path("settings").path("jobs").asInt()).isEqualTo(5_000);
        return json;
    }

    private static void assertEveryFigure(JsonNode store, long n, int scheduled) {
        assertThat(store.isMissingNode()).isFalse();
        assertThat(store.path("errors").size()).as(store.path("errors").toString()).isZero();
        assertRate(store.path("enqueue"), n);
        assertRate(store.path("rawEnqueue"), n);
        for (String name : BATON_DRAINS) {
            JsonNode drain = store.path(name);
            assertRate(drain.path("rate"), n);
            assertThat(drain.path("handlerRuns").asLong()).as(name).isEqualTo(n);
            assertThat(drain.path("duplicates").asLong()).as(name).isZero();
            assertThat(drain.path("unfinished").asLong()).as(name).isZero();
            assertThat(drain.path("dead").asLong()).as(name).isZero();
            assertThat(drain.path("costs").path("jvmCpuMicrosPerJob").asDouble()).as(name).isPositive();
        }
        for (String name : RAW_DRAINS) {
            assertRate(store.path(name).path("rate"), n);
            assertThat(store.path(name).path("costs").path("jvmCpuMicrosPerJob").asDouble()).as(name).isPositive();
        }
        assertThat(store.path("drainScheduled").path("scheduledRows").asInt()).isEqualTo(scheduled);
        assertThat(store.path("rawDrainScheduled").path("left").asLong()).isEqualTo(scheduled);
        assertLatency(store.path("latencyIdle"), 50);
        assertLatency(store.path("latencyAtRate"), 1_000);

        JsonNode ratios = store.path("ratios");
        assertQuotient(ratios.path("enqueue"), store.path("enqueue"), store.path("rawEnqueue"));
        assertQuotient(ratios.path("drain"), store.path("drain").path("rate"), store.path("rawDrain").path("rate"));
        assertQuotient(ratios.path("drainDeleteOnComplete"), store.path("drainDeleteOnComplete").path("rate"),
                store.path("rawDrain").path("rate"));
        assertQuotient(ratios.path("drainScheduled"), store.path("drainScheduled").path("rate"),
                store.path("rawDrainScheduled").path("rate"));
        assertQuotient(ratios.path("scheduledVsEmpty"), store.path("drainScheduled").path("rate"),
                store.path("drain").path("rate"));
    }

    private static void assertRate(JsonNode rate, long n) {
        assertThat(rate.path("count").asLong()).as(rate.toString()).isEqualTo(n);
        assertThat(rate.path("expected").asLong()).isEqualTo(n);
        assertThat(rate.path("finished").asBoolean()).isTrue();
        assertThat(rate.path("seconds").asDouble()).isPositive();
        assertThat(rate.path("perSecond").asDouble()).isPositive();
        assertThat(rate.path("perSecond").isNumber()).isTrue();
    }

    private static void assertLatency(JsonNode latency, long samples) {
        assertThat(latency.path("expected").asLong()).as(latency.toString()).isEqualTo(samples);
        assertThat(latency.path("sent").asLong()).isEqualTo(samples);
        assertThat(latency.path("started").asLong()).isEqualTo(samples);
        assertThat(latency.path("finished").asBoolean()).isTrue();
        assertThat(latency.path("ratePerSecond").asDouble()).isPositive();
        // Not positive: a handler on the enqueueing node can start before enqueue returns, a latency of 0.
        assertThat(latency.path("p50Ms").asDouble()).isNotNegative()
                .isLessThanOrEqualTo(latency.path("p99Ms").asDouble());
        assertThat(latency.path("p99Ms").asDouble()).isLessThanOrEqualTo(latency.path("maxMs").asDouble());
    }

    private static void assertQuotient(JsonNode ratio, JsonNode figure, JsonNode reference) {
        double expected = figure.path("perSecond").asDouble() / reference.path("perSecond").asDouble();
        assertThat(ratio.isNumber()).isTrue();
        assertThat(ratio.asDouble()).isPositive().isCloseTo(expected, within(expected * 1e-9));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
