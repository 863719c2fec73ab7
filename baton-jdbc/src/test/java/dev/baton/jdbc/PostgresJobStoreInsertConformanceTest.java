package dev.baton.jdbc;

import dev.baton.storetest.JobStoreInsertConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The job insert suite on PostgreSQL ({@code BATON_TEST_JDBC_URL}), in a schema of its own. */
class PostgresJobStoreInsertConformanceTest extends JobStoreInsertConformanceTest {

    @Override
    protected StoreUnderTest open() {
        return JdbcStoreUnderTest.postgres();
    }
}
