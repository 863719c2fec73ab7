package dev.baton.bench;

import picocli.CommandLine;

/** Runs {@link BenchCommand} on its own: {@code java -jar baton-bench/target/baton-bench.jar --store postgres}. */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        // Baton logs a line per node start and stop; the bench prints its own progress. Unless told otherwise.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
