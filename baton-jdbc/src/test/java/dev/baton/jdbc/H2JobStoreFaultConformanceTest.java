package dev.baton.jdbc;

import dev.baton.storetest.JobStoreFaultConformanceTest;
import dev.baton.storetest.StoreUnderTest;

/** The fault conformance suite on H2. */
class H2JobStoreFaultConformanceTest extends JobStoreFaultConformanceTest {

    @Override
    protected StoreUnderTest open() throws Exception {
        return JdbcStoreUnderTest.h2();
    }
}
