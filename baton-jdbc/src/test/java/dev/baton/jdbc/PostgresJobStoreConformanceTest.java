package dev.baton.jdbc;

import dev.baton.storetest.JobStoreConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The suite on PostgreSQL ({@code BATON_TEST_JDBC_URL}), in a schema of its own. */
class PostgresJobStoreConformanceTest extends JobStoreConformanceTest {

    @Override
    protected StoreUnderTest open() {
        return JdbcStoreUnderTest.postgres();
    }
}
