package dev.baton.jdbc;

import dev.baton.storetest.StoreUnderTest;
import dev.baton.storetest.WorkerNodeConformanceTest;

/** The worker runtime across nodes on PostgreSQL, in a schema of its own. */
class PostgresWorkerNodeConformanceTest extends WorkerNodeConformanceTest {

    @Override
    protected StoreUnderTest open() {
        return JdbcStoreUnderTest.postgres();
    }
}
