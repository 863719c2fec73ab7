package dev.baton.jdbc;

import dev.baton.spi.JobStore;
import dev.baton.storetest.StoreUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** A {@link JdbcStore} for the conformance suites, over a database or schema of its own. */
final class JdbcStoreUnderTest implements StoreUnderTest {

    /** Every table the store writes; the schema version table is left alone. */
    private static final List<String> TABLES = List.of("baton_jobs", "baton_archive", "baton_nodes", "baton_contracts");

    private final JdbcStore store;
    private final Supplier<JobStore> anotherStore;
    private final Cleanup cleanup;

    /** What close() undoes besides the store: a directory, a schema. */
    @FunctionalInterface
    interface Cleanup {
        void run() throws IOException;
    }

    private JdbcStoreUnderTest(JdbcStore store, Supplier<JobStore> anotherStore, Cleanup cleanup) {
        this.store = store;
        this.anotherStore = anotherStore;
        this.cleanup = cleanup;
    }

    /** The embedded default, in a new temporary directory deleted on close. */
    static JdbcStoreUnderTest h2() throws IOException {
        Path dir = Files.createTempDirectory("baton-h2-");
        return new JdbcStoreUnderTest(JdbcStore.embedded(dir), () -> JdbcStore.embedded(dir), () -> deleteTree(dir));
    }

    /** A store over a caller-owned pool in a fresh schema; another node connects by URL. */
    static JdbcStoreUnderTest postgres() {
        PostgresTestDatabase.FreshSchema schema = PostgresTestDatabase.freshSchema();
        return new JdbcStoreUnderTest(
                JdbcStore.postgres(schema.dataSource()),
                () -> JdbcStore.connect(PostgresTestDatabase.urlFor(schema.name())),
                schema::close);
    }

    @Override
    public JdbcStore store() {
        return store;
    }

    @Override
    public Connection openConnection() throws SQLException {
        Connection c = store.dataSource().getConnection();
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public JobStore openAnotherStore() {
        return anotherStore.get();
    }

    @Override
    public void deleteAll() throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String table : TABLES) {
                st.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            try {
                cleanup.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
