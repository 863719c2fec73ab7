package dev.baton.jdbc;

import dev.baton.storetest.JobStoreLeaseConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The job lease suite on PostgreSQL ({@code BATON_TEST_JDBC_URL}), in a schema of its own. */
class PostgresJobStoreLeaseConformanceTest extends JobStoreLeaseConformanceTest {

    @Override
    protected StoreUnderTest open() {
        return JdbcStoreUnderTest.postgres();
    }
}
