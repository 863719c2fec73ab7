package dev.baton.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The test database, as the other modules' tests find it: {@code BATON_TEST_JDBC_URL}, else the local one. When
 * it is unreachable its tests are skipped loudly, except under {@code CI=true}, where they fail.
 */
final class Postgres {

    private Postgres() {}

    static String url() {
        String url = System.getenv("BATON_TEST_JDBC_URL");
        return url == null || url.isBlank() ? BenchCommand.DEFAULT_URL : url;
    }

    static String requireReachable() {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(url(), props)) {
            return c.isValid(5) ? url() : Assumptions.abort("PostgreSQL at " + url() + " does not answer");
        } catch (SQLException e) {
            String ci = System.getenv("CI");
            if (ci != null && ci.strip().toLowerCase(Locale.ROOT).equals("true")) {
                throw new IllegalStateException("PostgreSQL at " + url() + " unreachable on CI: " + e.getMessage(), e);
            }
            System.err.println("\n*** PostgreSQL at " + url() + " unreachable (" + e.getMessage()
                    + "): the PostgreSQL bench test is SKIPPED. Set BATON_TEST_JDBC_URL to run it. ***\n");
            Assumptions.abort("PostgreSQL at " + url() + " unreachable: " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }
}
