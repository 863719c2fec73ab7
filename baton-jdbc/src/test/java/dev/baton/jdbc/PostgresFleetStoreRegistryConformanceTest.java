package dev.baton.jdbc;

import dev.baton.storetest.FleetStoreRegistryConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The fleet registry suite on PostgreSQL ({@code BATON_TEST_JDBC_URL}), in a schema of its own. */
class PostgresFleetStoreRegistryConformanceTest extends FleetStoreRegistryConformanceTest {

    @Override
    protected StoreUnderTest open() {
        return JdbcStoreUnderTest.postgres();
    }
}
