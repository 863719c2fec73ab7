package dev.baton.jdbc;

import dev.baton.storetest.JobStoreFaultConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The fault conformance suite on Postgres. */
class PostgresJobStoreFaultConformanceTest extends JobStoreFaultConformanceTest {

    @Override
    protected StoreUnderTest open() throws Exception {
        return JdbcStoreUnderTest.postgres();
    }
}
