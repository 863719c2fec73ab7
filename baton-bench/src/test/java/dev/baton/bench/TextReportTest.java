package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.bench.Results.BenchResult;
import dev.baton.bench.Results.Costs;
import dev.baton.bench.Results.Drain;
import dev.baton.bench.Results.Latency;
import dev.baton.bench.Results.Machine;
import dev.baton.bench.Results.RawDrain;
import dev.baton.bench.Results.Rate;
import dev.baton.bench.Results.Ratios;
import dev.baton.bench.Results.StoreResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table, from made-up figures: each Baton figure beside the reference, and a partial drain said as such. */
class TextReportTest {

    @Test
    void printsFiguresBesideTheReferenceAndAPartialDrainHonestly() {
        Costs costs = new Costs(1.15, 197.0, 262.0);
        Rate rawRate = new Rate(50_000, 50_000, 1.19, 42_010, true);
        Drain partial = new Drain(new Rate(29_688, 50_000, 300, 98.96, false), 29_688, 0, 20_312, 0, 0, costs);
        Drain full = new Drain(new Rate(50_000, 50_000, 14.1, 3_545, true), 50_000, 0, 0, 0, 100_000, costs);
        Rate enqueue = new Rate(50_000, 50_000, 1.6, 30_576, true);
        Rate rawEnqueue = new Rate(50_000, 50_000, 0.27, 182_587, true);
        RawDrain raw = new RawDrain(rawRate, 0, 500, 0, costs);
        Latency latency = new Latency("another node", 200, 200, 200, 5, 40, 2.8, 7.2, 12, true);
        StoreResult store = new StoreResult("postgres", "jdbc:postgresql://x/test", 1, "by hand", enqueue, rawEnqueue,
                partial, full, full, raw, raw, latency, latency,
                Ratios.of(enqueue, rawEnqueue, partial, full, full, raw, raw), List.of("a note"), List.of());
        BenchSettings settings = new BenchSettings(50_000, 16, 1_000, 100_000, 500, 5, 200, 1, 300, false);
        StringWriter out = new StringWriter();

        TextReport.print(new BenchResult(settings, Machine.current(), Map.of("postgres", store), List.of()),
                new PrintWriter(out));

        assertThat(out.toString())
                .contains("did not finish: 29,688 of 50,000 in 300.0 s (99 jobs/s)")
                .containsPattern("drain, deleted on completion +3,545 jobs/s +42,010 rows/s +0.084x")
                .containsPattern("bulk enqueue +30,576 jobs/s +182,587 rows/s +0.17x")
                .contains("p50 2.80 ms   p99 7.20 ms   max 12.0 ms")
                .contains("a note")
                .contains("No errors.");
    }
}
