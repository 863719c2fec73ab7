package dev.baton.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.baton.ConfigException;
import dev.baton.StoreException;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import dev.baton.spi.ReadableRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the conformance suite cannot see: factories, errors, and H2 specifics. */
class JdbcStoreTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void unsupportedUrlNamesTheUrlAndTheSupportedPrefixes() {
        assertThatThrownBy(() -> JdbcStore.connect("jdbc:mysql://db/app"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("jdbc:mysql://db/app")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("jdbc:h2:");
    }

    @Test
    void connectPicksTheDialectFromTheUrl() {
        try (JdbcStore store = JdbcStore.connect("jdbc:h2:mem:connect_test")) {
            assertThat(store.dialect()).isEqualTo(Dialect.H2);
            assertThat(store.name()).isEqualTo("h2");
            assertThat(store.listener()).isEmpty();
        }
    }

    @Test
    void unmigratedSchemaSaysHowToCreateIt() {
        JdbcStore store = JdbcStore.h2(SchemaTest.memoryDatabase());
        assertThatThrownBy(() -> store.jobClaim(new JobClaimParams(
                        "q", List.of(new ReadableRange("t", 1, 1)), 1, "me", 1L, T0, T0.plusSeconds(30))))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.operation()).isEqualTo("jobClaim"))
                .hasMessageContaining("migrate()")
                .hasMessageContaining("baton schema --sql");
    }

    @Test
    void schemaFromANewerBatonIsRefused() throws Exception {
        DataSource ds = SchemaTest.memoryDatabase();
        try (Connection keepAlive = ds.getConnection(); Statement st = keepAlive.createStatement()) {
            JdbcStore store = JdbcStore.h2(ds);
            store.migrate();
            int future = Migration.latest() + 1;
            st.execute("INSERT INTO baton_schema_version VALUES (" + future + ", 'future', CURRENT_TIMESTAMP)");
            assertThatThrownBy(store::migrate)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("schema version " + future + " is newer than this Baton (knows up to "
                            + Migration.latest() + "): upgrade Baton");
        }
    }

    @Test
    void h2MigrationWaitsForTheNodeHoldingTheLock() throws Exception {
        DataSource ds = SchemaTest.memoryDatabase();
        JdbcStore store = JdbcStore.h2(ds);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection otherNode = ds.getConnection(); Statement st = otherNode.createStatement()) {
            st.execute(Migration.VERSION_TABLE);
            st.execute("INSERT INTO baton_schema_version VALUES (0, 'lock', CURRENT_TIMESTAMP)");
            otherNode.setAutoCommit(false);
            st.executeQuery("SELECT version FROM baton_schema_version WHERE version = 0 FOR UPDATE").close();

            Future<?> migrating = pool.submit(store::migrate);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> !migrating.isDone());
            otherNode.rollback();
            migrating.get(10, TimeUnit.SECONDS);
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM baton_jobs")) {
                assertThat(rs.next()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void embeddedStoreIsAFileOtherProcessesCanOpen(@TempDir Path dir) throws Exception {
        try (JdbcStore store = JdbcStore.embedded(dir.resolve("data"))) {
            store.migrate();
            long id = store.jobInsert(new JobInsertParams(List.of(new NewJob("t", 1, "q", "{}", JobState.WAITING, 0, 3,
                    T0, T0, null, null)), null)).get(0).id();
            assertThat(Files.exists(dir.resolve("data/baton.mv.db"))).isTrue();
            // What the CLI does while an application holds the database open.
            String url = "jdbc:h2:file:" + dir.resolve("data/baton").toAbsolutePath() + ";AUTO_SERVER=TRUE";
            try (Connection c = DriverManager.getConnection(url);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id FROM baton_jobs")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(id);
            }
        }
    }

    @Test
    void channelIsNamedAfterTheSchemaAndFitsAnIdentifier() {
        assertThat(Channel.forSchema("public")).isEqualTo("baton_jobs_public");
        assertThat(Channel.forSchema("Tenant-42.eu")).isEqualTo("baton_jobs_tenant_42_eu");
        assertThat(Channel.forSchema("x".repeat(100))).hasSize(63).startsWith("baton_jobs_x");
        assertThat(Channel.forSchema(null)).isEqualTo("baton_jobs_");
    }

    @Test
    void migrationFilesSplitIntoStatements() {
        assertThat(Migration.split("-- a comment;\nCREATE TABLE a (x int);\n\n-- why\nCREATE INDEX i\n  ON a (x);\n"))
                .containsExactly("-- a comment;\nCREATE TABLE a (x int)", "-- why\nCREATE INDEX i\n  ON a (x)");
        for (Dialect d : Dialect.values()) {
            assertThat(Migration.ALL.get(0).statements(d)).hasSizeGreaterThan(3);
        }
    }
}
