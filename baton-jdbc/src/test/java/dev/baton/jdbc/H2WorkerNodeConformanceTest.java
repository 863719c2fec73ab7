package dev.baton.jdbc;

import dev.baton.storetest.StoreUnderTest;
import dev.baton.storetest.WorkerNodeConformanceTest;

/** The worker runtime across nodes on the embedded default, an H2 file. */
class H2WorkerNodeConformanceTest extends WorkerNodeConformanceTest {

    @Override
    protected StoreUnderTest open() throws Exception {
        return JdbcStoreUnderTest.h2();
    }
}
