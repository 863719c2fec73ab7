package dev.baton.jdbc;

import dev.baton.storetest.StoreUnderTest;
import dev.baton.storetest.WorkerFaultConformanceTest;

/** The handler-fault table end to end on Postgres. */
class PostgresWorkerFaultConformanceTest extends WorkerFaultConformanceTest {

    @Override
    protected StoreUnderTest open() throws Exception {
        return JdbcStoreUnderTest.postgres();
    }
}
