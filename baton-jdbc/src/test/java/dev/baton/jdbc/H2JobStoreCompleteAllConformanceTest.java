package dev.baton.jdbc;

import dev.baton.storetest.JobStoreCompleteAllConformanceTest;
import dev.baton.storetest.StoreUnderTest;
import java.time.ZoneId;

/** The batched completion suite on the embedded default: an H2 file, in a JVM whose default zone is not UTC. */
class H2JobStoreCompleteAllConformanceTest extends JobStoreCompleteAllConformanceTest {

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
