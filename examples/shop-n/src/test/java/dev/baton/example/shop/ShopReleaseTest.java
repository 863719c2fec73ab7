package dev.baton.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.Baton;
import dev.baton.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Release N on its own, on a real embedded H2 store: a web node and a worker node, as the jar runs them. */
class ShopReleaseTest {

    private static final int JOBS = 50;

    @TempDir
    Path dir;

    private JdbcStore store;
    private final List<dev.baton.example.shop.common.ShopNode.Started> nodes = new ArrayList<>();

    @BeforeEach
    void open() {
        store = JdbcStore.embedded(dir);
    }

    @AfterEach
    void close() {
        nodes.forEach(dev.baton.example.shop.common.ShopNode.Started::close);
        store.close();
    }

    private Baton start(String nodeId, String role) {
        var node = ShopRelease.start(store, nodeId, role, true, Map.of());
        nodes.add(node);
        return node.baton();
    }

    @Test
    void everyEnqueuedJobIsHandledExactlyOnce() throws Exception {
        start("worker-1", "worker");
        Baton web = start("web-1", "web");

        List<Long> ids = new ArrayList<>();
        for (long sequence = 0; sequence < JOBS; sequence++) {
            ids.add(ShopRelease.enqueueNext(web, store, sequence));
        }

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(longs("SELECT job_id FROM example_enqueued")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(strings("SELECT DISTINCT type FROM example_enqueued")).containsExactlyInAnyOrder(
                "user-confirmation", "compute-foobar", "do-something", "cleanup-cache", "send-newsletter", "confirm-email");
        assertThat(strings("SELECT DISTINCT release || ' ' || node FROM example_enqueued")).containsExactly("n web-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> longs("SELECT job_id FROM example_handled").containsAll(ids));
        assertThat(longs("SELECT job_id FROM example_handled GROUP BY job_id HAVING COUNT(*) > 1"))
                .as("jobs handled more than once").isEmpty();
        assertThat(longs("SELECT job_id FROM example_handled")).hasSize(JOBS);
        assertThat(strings("SELECT DISTINCT release || ' ' || node || ' v' || version FROM example_handled"))
                .containsExactly("n worker-1 v1");
        assertThat(strings("SELECT DISTINCT h.type FROM example_handled h JOIN example_enqueued e ON e.job_id = h.job_id "
                + "WHERE h.type <> e.type")).as("types handled under another name").isEmpty();
    }

    @Test
    void aNodeOfRoleBothEnqueuesAndRuns() throws Exception {
        Baton both = start("both-1", "both");
        List<Long> ids = new ArrayList<>();
        for (long sequence = 100; sequence < 112; sequence++) {
            ids.add(ShopRelease.enqueueNext(both, store, sequence));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> longs("SELECT job_id FROM example_handled").containsAll(ids));
        assertThat(longs("SELECT job_id FROM example_handled")).hasSize(ids.size());
    }

    @Test
    void theTrafficMixRotatesOverEveryTypeInAFixedOrder() {
        List<String> names = new ArrayList<>();
        for (long sequence = 6; sequence < 18; sequence++) {
            names.add(ShopRelease.job(sequence).getClass().getSimpleName());
        }
        assertThat(names.subList(0, 6)).containsExactly("UserConfirmation", "ComputeFoobar", "DoSomething",
                "CleanupCache", "SendNewsletter", "ConfirmEmail");
        assertThat(names.subList(6, 12)).isEqualTo(names.subList(0, 6));
        assertThat(ShopRelease.jobRecords()).hasSize(6);
        assertThat(ShopRelease.release()).isEqualTo("n");
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
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
