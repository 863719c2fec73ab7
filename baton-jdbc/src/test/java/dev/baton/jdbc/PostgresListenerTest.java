package dev.baton.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Wake-ups are per schema: stores sharing a database in different schemas do not wake each other. */
class PostgresListenerTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void storesInOtherSchemasDoNotWakeEachOther() {
        try (PostgresTestDatabase.FreshSchema a = PostgresTestDatabase.freshSchema();
                PostgresTestDatabase.FreshSchema b = PostgresTestDatabase.freshSchema();
                JdbcStore storeA = JdbcStore.postgres(a.dataSource());
                JdbcStore storeB = JdbcStore.postgres(b.dataSource())) {
            storeA.migrate();
            storeB.migrate();
            Set<String> woken = ConcurrentHashMap.newKeySet();
            // Left to storeA.close(), which stops its listeners.
            storeA.listener().orElseThrow().listen(woken::add);
            insert(storeB, "queue-of-b");
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (woken.contains("queue-of-a")) {
                    return true;
                }
                insert(storeA, "queue-of-a");
                return false;
            });
            assertThat(woken).containsExactly("queue-of-a");
        }
    }

    @Test
    void closingTheStoreStopsItsListeners() {
        try (PostgresTestDatabase.FreshSchema a = PostgresTestDatabase.freshSchema()) {
            JdbcStore store = JdbcStore.postgres(a.dataSource());
            store.listener().orElseThrow().listen(q -> {});
            // listen() returns once LISTEN is in place, holding one connection.
            assertThat(a.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
            store.close();
            assertThat(a.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("baton-listen") && t.isAlive());
        }
    }

    private static void insert(JdbcStore store, String queue) {
        store.jobInsert(new JobInsertParams(
                List.of(new NewJob("t", 1, queue, "{}", JobState.WAITING, 0, 3, T0, T0, null, null)), null));
    }
}
