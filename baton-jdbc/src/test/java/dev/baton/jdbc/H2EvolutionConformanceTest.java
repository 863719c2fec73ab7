package dev.baton.jdbc;

import dev.baton.storetest.EvolutionConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The seeds' rolling deploys on the embedded default, an H2 file. */
class H2EvolutionConformanceTest extends EvolutionConformanceTest {

    @Override
    protected StoreUnderTest open() throws Exception {
        return JdbcStoreUnderTest.h2();
    }
}
