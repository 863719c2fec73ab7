package dev.baton.chaos;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One run's schema, {@code baton_chaos_<random>}: every process of the run finds it through
 * {@code currentSchema} in its URL, so runs never see each other's tables. The same name is the run's
 * {@code ApplicationName}, which is how the faults find this run's connections and no one else's.
 */
final class RunSchema {

    private static final Pattern NAME = Pattern.compile("baton_chaos_[a-z0-9_]+");

    private final String baseUrl;
    private final String name;

    private RunSchema(String baseUrl, String name) {
        this.baseUrl = baseUrl;
        this.name = name;
    }

    static RunSchema create(String jdbcUrl) throws SQLException {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String name = "baton_chaos_" + HexFormat.of().formatHex(random);
        RunSchema schema = new RunSchema(
                JdbcUrls.withoutParameter(JdbcUrls.withoutParameter(jdbcUrl, "currentSchema"), "ApplicationName"), name);
        // Only generated names reach SQL text: identifiers cannot be bound.
        schema.execute("CREATE SCHEMA " + name);
        return schema;
    }

    String name() {
        return name;
    }

    /** The URL every process of the run uses. */
    String url() {
        return JdbcUrls.withParameter(JdbcUrls.withParameter(baseUrl, "currentSchema", name), "ApplicationName", name);
    }

    /** The orchestrator's own connection: the same schema, another application name, so faults spare it. */
    String adminUrl() {
        String url = JdbcUrls.withParameter(JdbcUrls.withParameter(baseUrl, "currentSchema", name), "ApplicationName",
                name + "_admin");
        // Bounded, so that a server that is down fails a call instead of hanging the fault timeline.
        return JdbcUrls.withParameter(JdbcUrls.withParameter(url, "loginTimeout", "5"), "socketTimeout", "120");
    }

    void drop() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("not a generated schema name: " + name);
        }
        try (Connection c = DriverManager.getConnection(baseUrl); Statement st = c.createStatement()) {
            st.setQueryTimeout(30);
            st.execute(sql);
        }
    }
}
