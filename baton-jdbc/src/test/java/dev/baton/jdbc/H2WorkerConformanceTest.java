package dev.baton.jdbc;

import dev.baton.storetest.StoreUnderTest;
import dev.baton.storetest.WorkerConformanceTest;

/** The worker runtime end to end on the embedded default, an H2 file. */
class H2WorkerConformanceTest extends WorkerConformanceTest {

    @Override
    protected StoreUnderTest open() throws Exception {
        return JdbcStoreUnderTest.h2();
    }
}
