package dev.baton.cli;

import dev.baton.jdbc.JdbcStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command finds the jobs: a JDBC URL, or the embedded store's directory. */
final class StoreOptions {

    static final String DEFAULT_DATA = "baton-data";

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:BATON_JDBC_URL}",
            description = "JDBC URL of the store, e.g. jdbc:postgresql://db:5432/app?user=baton (env BATON_JDBC_URL). "
                    + "Default: the embedded store in --data.")
    String jdbcUrl;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
            description = "Directory of the embedded H2 store (default: ${DEFAULT-VALUE}).")
    Path data;

    JdbcStore open() {
        return jdbcUrl == null || jdbcUrl.isBlank() ? JdbcStore.embedded(data) : JdbcStore.connect(jdbcUrl);
    }

    String describe() {
        return jdbcUrl == null || jdbcUrl.isBlank() ? "embedded store in " + data.toAbsolutePath() : jdbcUrl;
    }
}
