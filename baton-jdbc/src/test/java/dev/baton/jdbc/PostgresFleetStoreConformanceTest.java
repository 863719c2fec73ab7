package dev.baton.jdbc;

import dev.baton.storetest.FleetStoreConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The fleet suite on PostgreSQL ({@code BATON_TEST_JDBC_URL}), in a schema of its own. */
class PostgresFleetStoreConformanceTest extends FleetStoreConformanceTest {

    @Override
    protected StoreUnderTest open() {
        return JdbcStoreUnderTest.postgres();
    }
}
