package dev.baton.jdbc;

import dev.baton.storetest.FleetStoreArchiveConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The archive suite on PostgreSQL ({@code BATON_TEST_JDBC_URL}), in a schema of its own. */
class PostgresFleetStoreArchiveConformanceTest extends FleetStoreArchiveConformanceTest {

    @Override
    protected StoreUnderTest open() {
        return JdbcStoreUnderTest.postgres();
    }
}
