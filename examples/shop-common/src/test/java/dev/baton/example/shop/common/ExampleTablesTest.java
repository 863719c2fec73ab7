package dev.baton.example.shop.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shop's own tables, on a real embedded H2 store. */
class ExampleTablesTest {

    @TempDir
    Path dir;

    private JdbcStore store;

    @BeforeEach
    void open() {
        store = JdbcStore.embedded(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void creatingTheTablesFromSeveralNodesAtOnceIsHarmless() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> creations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                creations.add(pool.submit(() -> ExampleTables.create(store.dataSource())));
            }
            for (Future<?> creation : creations) {
                creation.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(ExampleTables.HANDLED)).isZero();
        assertThat(count(ExampleTables.ENQUEUED)).isZero();
    }

    @Test
    void theEnqueuedRowIsWrittenInTheCallersTransaction() throws Exception {
        ExampleTables.create(store.dataSource());
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            ExampleTables.recordEnqueued(connection, 7, "do-something", "n", "web-1", java.util.Map.of("n", 7));
            connection.rollback();
            ExampleTables.recordEnqueued(connection, 8, "do-something", "n", "web-1", java.util.Map.of("n", 8));
            connection.commit();
            connection.setAutoCommit(true);
        }
        assertThat(count(ExampleTables.ENQUEUED)).isEqualTo(1);
    }

    private long count(String table) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
