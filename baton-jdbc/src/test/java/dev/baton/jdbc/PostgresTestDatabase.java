package dev.baton.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh PostgreSQL schemas for tests, one per test class, dropped afterwards. The database comes from
 * {@code BATON_TEST_JDBC_URL}. When it is unreachable, tests are skipped loudly, except under {@code CI=true},
 * where they fail: CI must never pass by skipping the database it exists to test.
 */
public final class PostgresTestDatabase {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private PostgresTestDatabase() {}

    public static String url() {
        String url = System.getenv("BATON_TEST_JDBC_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** A new schema with a pool pointed at it; skips (or fails on CI) when PostgreSQL is unreachable. */
    public static FreshSchema freshSchema() {
        String name = "baton_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setSchema(name);
        config.setPoolName("test-" + name);
        config.setMaximumPoolSize(8);
        return new FreshSchema(name, new HikariDataSource(config));
    }

    /** The test URL with {@code currentSchema} set, for stores that open their own pool. */
    public static String urlFor(String schema) {
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url() + " failed on: " + sql, e);
        }
    }

    private static Connection connect() {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "5");
        try {
            return DriverManager.getConnection(url(), props);
        } catch (SQLException e) {
            if (onCi()) {
                throw new IllegalStateException("PostgreSQL at " + url() + " unreachable on CI: " + e.getMessage(), e);
            }
            System.err.println("\n*** PostgreSQL at " + url() + " unreachable (" + e.getMessage()
                    + "): PostgreSQL conformance tests SKIPPED. Set BATON_TEST_JDBC_URL to run them. ***\n");
            Assumptions.abort("PostgreSQL at " + url() + " unreachable: " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    static boolean onCi() {
        String ci = System.getenv("CI");
        return ci != null && ci.strip().toLowerCase(Locale.ROOT).equals("true");
    }

    /** A schema of its own and a pool over it; closing drops the schema. */
    public record FreshSchema(String name, HikariDataSource dataSource) implements AutoCloseable {

        @Override
        public void close() {
            dataSource.close();
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
