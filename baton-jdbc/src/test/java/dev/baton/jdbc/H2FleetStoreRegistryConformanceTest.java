package dev.baton.jdbc;

import dev.baton.storetest.FleetStoreRegistryConformanceTest;
import dev.baton.storetest.StoreUnderTest;
import java.time.ZoneId;

/** The fleet registry suite on the embedded default: an H2 file, in a JVM whose default zone is not UTC. */
class H2FleetStoreRegistryConformanceTest extends FleetStoreRegistryConformanceTest {

    @Override
    protected StoreUnderTest open() throws Exception {
        return JdbcStoreUnderTest.h2();
    }

    /** West of UTC, where the job suites run east of it: a shift either way shows. */
    @Override
    protected ZoneId defaultTimeZone() {
        return ZoneId.of("America/St_Johns");
    }
}
