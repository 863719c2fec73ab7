package dev.baton.maven;

import dev.baton.check.LiveState;
import dev.baton.jdbc.JdbcStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads a live store through baton-jdbc for the checker, which stays pure. */
final class LiveStores {

    /** A node is live while its last heartbeat is this recent: the fleet's default node TTL, as {@code baton fleet}. */
    static final Duration NODE_TTL = Duration.ofSeconds(30);

    private LiveStores() {}

    /**
     * Opens the store, reads the live nodes and the job counts, and closes it (its connection pool with it).
     *
     * @throws dev.baton.BatonException when the URL is not a supported one or the store cannot be read
     */
    static LiveState read(String jdbcUrl, Instant now) {
        loadDrivers();
        try (JdbcStore store = JdbcStore.connect(jdbcUrl)) {
            return LiveState.read(store, now, NODE_TTL);
        }
    }

    /**
     * Registers the drivers shipped with this plugin with DriverManager. DriverManager finds drivers through
     * the thread's context class loader once per JVM, which in a Maven build may not have been this plugin's:
     * a driver class registers itself when it is initialized, so loading it here is enough.
     */
    private static void loadDrivers() {
        for (String driver : List.of("org.postgresql.Driver", "org.h2.Driver")) {
            try {
                Class.forName(driver, true, LiveStores.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // Not shipped in this build of the plugin: the URL's own driver error will say so.
            }
        }
    }
}
