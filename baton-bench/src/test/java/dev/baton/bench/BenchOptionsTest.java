package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Option handling, decided before any store is touched. */
class BenchOptionsTest {

    @Test
    void aBadValueIsAUsageErrorNamingTheOption() {
        BenchRun run = BenchRun.of("--store", "h2", "--jobs", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--jobs must be at least 1 (got 0)");
    }

    @Test
    void anUnknownStoreIsAUsageError() {
        BenchRun run = BenchRun.of("--store", "mysql");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--store", "mysql");
    }

    @Test
    void anUnreachablePostgresIsReportedNotSkipped() {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        BenchRun run = BenchRun.of("--store", "postgres", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/test?user=postgres");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("127.0.0.1:1", "--store h2");
    }

    @Test
    void helpListsTheOptions() {
        BenchRun run = BenchRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--store", "--jobs", "--workers", "--parked", "--rate", "--repeat",
                "--max-seconds", "--quick", "--json");
    }

    @Test
    void quickLowersTheDefaultsButNotAGivenOption() {
        BenchCommand command = new BenchCommand();
        new picocli.CommandLine(command).parseArgs("--quick", "--jobs", "1234");

        BenchSettings settings = command.settings();

        assertThat(settings.jobs()).isEqualTo(1234);
        assertThat(settings.scheduledRows()).isEqualTo(10_000);
        assertThat(settings.workers()).isEqualTo(16);
    }
}
