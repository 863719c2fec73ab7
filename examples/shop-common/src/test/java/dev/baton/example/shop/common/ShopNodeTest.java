package dev.baton.example.shop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.Job;
import dev.baton.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a node and enqueueing with its row, as every release does, on a real embedded H2 store. */
class ShopNodeTest {

    @Job(name = "ping")
    record Ping(long n) {}

    @TempDir
    Path dir;

    private JdbcStore store;
    private final List<ShopNode.Started> nodes = new ArrayList<>();

    @BeforeEach
    void open() {
        store = JdbcStore.embedded(dir);
    }

    @AfterEach
    void close() {
        nodes.forEach(ShopNode.Started::close);
        store.close();
    }

    @Test
    void aWebNodeEnqueuesEachJobWithItsRowAndRegistersNoWorker() throws Exception {
        AtomicReference<Settings> worker = new AtomicReference<>();
        ShopNode.Started node = ShopNode.start(store, "n", "web-1", "web", true, Map.of("pollMillis", "20"),
                (builder, settings) -> worker.set(settings));
        nodes.add(node);
        Baton web = node.baton();
        assertThat(worker.get()).as("a web node runs no handlers").isNull();

        long id = ShopNode.enqueue(web, store, "n", new Ping(1));
        assertThat(strings("SELECT job_id || ' ' || type || ' ' || release || ' ' || node FROM example_enqueued"))
                .containsExactly(id + " ping n web-1");
        assertThat(strings("SELECT COUNT(*) FROM example_handled")).containsExactly("0");
    }

    @Test
    void aWorkerGetsTheSettings() {
        AtomicReference<Settings> worker = new AtomicReference<>();
        nodes.add(ShopNode.start(store, "n+1", "worker-1", "worker", false, Map.of("concurrency", "2"),
                (builder, settings) -> worker.set(settings)));
        assertThat(worker.get().concurrency()).isEqualTo(2);
    }

    @Test
    void aFailedEnqueueLeavesNoRow() throws Exception {
        ShopNode.Started node = ShopNode.start(store, "n", "web-1", "web", true, Map.of(), (builder, settings) -> {});
        nodes.add(node);
        Baton web = node.baton();
        assertThatThrownBy(() -> ShopNode.enqueue(web, store, "n", "not a job")).isInstanceOf(RuntimeException.class);
        assertThat(strings("SELECT COUNT(*) FROM example_enqueued")).containsExactly("0");
    }

    @Test
    void aBadRoleOrSettingIsNamed() {
        assertThatThrownBy(() -> ShopNode.start(store, "n", "x", "cook", true, Map.of(), (b, s) -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cook");
        assertThatThrownBy(() -> ShopNode.start(store, "n", "x", "web", true, Map.of("pollMilis", "10"), (b, s) -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollMilis")
                .hasMessageContaining("pollMillis");
        assertThatThrownBy(() -> ShopNode.start(store, "n", "x", "web", true, Map.of("maxAttempts", "three"),
                (b, s) -> {})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts=three");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
