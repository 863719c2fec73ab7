package dev.baton.jdbc;

import dev.baton.storetest.EvolutionConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The seeds' rolling deploys on PostgreSQL, in a schema of its own. */
class PostgresEvolutionConformanceTest extends EvolutionConformanceTest {

    @Override
    protected StoreUnderTest open() throws Exception {
        return JdbcStoreUnderTest.postgres();
    }
}
