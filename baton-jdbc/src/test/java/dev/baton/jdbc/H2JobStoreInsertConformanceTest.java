package dev.baton.jdbc;

import dev.baton.storetest.JobStoreInsertConformanceTest;
import dev.baton.storetest.StoreUnderTest;
import java.time.ZoneId;

/** The job insert suite on the embedded default: an H2 file, in a JVM whose default zone is not UTC. */
class H2JobStoreInsertConformanceTest extends JobStoreInsertConformanceTest {

    @Override
    protected StoreUnderTest open() throws Exception {
        return JdbcStoreUnderTest.h2();
    }

    /** +05:30, so an instant shifted by any zone conversion cannot go unnoticed. */
    @Override
    protected ZoneId defaultTimeZone() {
        return ZoneId.of("Asia/Kolkata");
    }
}
