package dev.baton.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.Baton;
import dev.baton.RunCount;
import dev.baton.RunOutcome;
import dev.baton.example.shop.releasen.ReleaseNJobs;
import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Release N+1 on a real embedded H2 store: a web node and a worker node, as the jar runs them. */
class ShopReleaseTest {

    private static final int JOBS = 50;
    private static final Duration WAIT = Duration.ofSeconds(10);

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
        Baton worker = start("worker-1", "worker");
        Baton web = start("web-1", "web");

        List<Long> ids = new ArrayList<>();
        for (long sequence = 0; sequence < JOBS; sequence++) {
            ids.add(ShopRelease.enqueueNext(web, store, sequence));
        }

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(longs("SELECT job_id FROM example_enqueued")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(strings("SELECT DISTINCT type FROM example_enqueued")).containsExactlyInAnyOrder(
                "user-confirmation", "compute-foobar", "do-something", "send-newsletter", "email-confirmation",
                "export-report");
        assertThat(strings("SELECT DISTINCT release || ' ' || node FROM example_enqueued")).containsExactly("n+1 web-1");

        await().atMost(WAIT).until(() -> longs("SELECT job_id FROM example_handled").containsAll(ids));
        assertThat(longs("SELECT job_id FROM example_handled GROUP BY job_id HAVING COUNT(*) > 1"))
                .as("jobs handled more than once").isEmpty();
        assertThat(longs("SELECT job_id FROM example_handled")).hasSize(JOBS);
        assertThat(strings("SELECT DISTINCT release || ' ' || node FROM example_handled")).containsExactly("n+1 worker-1");
        // Only N+1 workers are live, so the web node writes the current versions.
        assertThat(strings("SELECT DISTINCT type || ' v' || version FROM example_handled")).containsExactlyInAnyOrder(
                "user-confirmation v2", "compute-foobar v1", "do-something v2", "send-newsletter v1",
                "email-confirmation v1", "export-report v1");
        assertNoBadRuns(worker);
    }

    /**
     * Seed 001's case 2: jobs release N enqueued are still waiting when N+1's workers take over. Each is
     * run by N+1 (upcast, default applied, alias, old queue), and the deleted type drains without running.
     */
    @Test
    void releaseNsLeftoversDrainOnReleaseN1() throws Exception {
        Map<Long, String> leftovers = new LinkedHashMap<>();
        LocalDate today = LocalDate.now();
        try (Baton webN = Baton.builder().store(store).release("n").nodeId("web-n").role("web").build().start()) {
            List<Object> jobs = List.of(
                    new ReleaseNJobs.UserConfirmation(42, "Hello!"),
                    new ReleaseNJobs.ComputeFoobar(7, today.minusDays(3), today.plusDays(3)),
                    new ReleaseNJobs.DoSomething(1),
                    new ReleaseNJobs.CleanupCache("cart-1"),
                    new ReleaseNJobs.SendNewsletter(3, 42),
                    new ReleaseNJobs.ConfirmEmail(42));
            for (Object job : jobs) {
                var enqueued = webN.enqueue(job);
                leftovers.put(enqueued.id(), enqueued.type() + " v" + enqueued.version());
            }
        }
        assertThat(leftovers.values()).containsExactly("user-confirmation v1", "compute-foobar v1", "do-something v1",
                "cleanup-cache v1", "send-newsletter v1", "confirm-email v1");

        Baton worker = start("worker-n1", "worker");

        await().atMost(WAIT).until(() -> leftovers.keySet().stream()
                .allMatch(id -> store.jobGet(id).map(JobRecord::state).orElse(null) == JobState.COMPLETED));
        assertThat(strings("SELECT type || ' v' || version || ' ' || release FROM example_handled"))
                .containsExactlyInAnyOrder("user-confirmation v1 n+1", "compute-foobar v1 n+1", "do-something v1 n+1",
                        "cleanup-cache v1 n+1", "send-newsletter v1 n+1", "confirm-email v1 n+1");
        assertThat(worker.stats()).as("the retired type keeps its handler until drained: nothing completed unrun")
                .noneMatch(c -> c.outcome() == RunOutcome.RETIRED);
        assertNoBadRuns(worker);
    }

    @Test
    void theTrafficMixRotatesOverEveryTypeInAFixedOrder() {
        List<String> names = new ArrayList<>();
        for (long sequence = 6; sequence < 18; sequence++) {
            names.add(ShopRelease.job(sequence).getClass().getSimpleName());
        }
        assertThat(names.subList(0, 6)).containsExactly("UserConfirmation", "ComputeFoobar", "DoSomething",
                "SendNewsletter", "EmailConfirmation", "ExportReport");
        assertThat(names.subList(6, 12)).isEqualTo(names.subList(0, 6));
        assertThat(ShopRelease.jobRecords()).as("the six it enqueues and the retired cleanup-cache").hasSize(7);
        assertThat(ShopRelease.release()).isEqualTo("n+1");
    }

    @Test
    void aNodeOfRoleBothEnqueuesAndRuns() throws Exception {
        Baton both = start("both-1", "both");
        List<Long> ids = new ArrayList<>();
        for (long sequence = 100; sequence < 112; sequence++) {
            ids.add(ShopRelease.enqueueNext(both, store, sequence));
        }
        await().atMost(WAIT).until(() -> longs("SELECT job_id FROM example_handled").containsAll(ids));
        assertThat(longs("SELECT job_id FROM example_handled")).hasSize(ids.size());
    }

    private static void assertNoBadRuns(Baton worker) {
        List<RunCount> bad = worker.stats().stream()
                .filter(c -> c.outcome() == RunOutcome.DEAD || c.outcome() == RunOutcome.INCOMPATIBLE
                        || c.outcome() == RunOutcome.RETRIED)
                .toList();
        assertThat(bad).as("failed, retried or incompatible runs").isEmpty();
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
