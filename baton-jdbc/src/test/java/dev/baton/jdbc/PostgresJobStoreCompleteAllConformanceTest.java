package dev.baton.jdbc;

import dev.baton.storetest.JobStoreCompleteAllConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The batched completion suite on PostgreSQL ({@code BATON_TEST_JDBC_URL}), in a schema of its own. */
class PostgresJobStoreCompleteAllConformanceTest extends JobStoreCompleteAllConformanceTest {

    @Override
    protected StoreUnderTest open() {
        return JdbcStoreUnderTest.postgres();
    }
}
