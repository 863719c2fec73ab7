package dev.baton.jdbc;

import dev.baton.storetest.StoreUnderTest;
import dev.baton.storetest.WorkerConformanceTest;

/** The worker runtime end to end on PostgreSQL, in a schema of its own. */
class PostgresWorkerConformanceTest extends WorkerConformanceTest {

    @Override
    protected StoreUnderTest open() {
        return JdbcStoreUnderTest.postgres();
    }
}
