package dev.baton.cli.deploy;

import dev.baton.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * An empty schema for one scenario run on PostgreSQL, dropped afterwards: the nodes find it through
 * {@code currentSchema} in their JDBC URL, so every table (Baton's and the app's) lands in it.
 */
public final class PostgresSchema implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("([?&])currentSchema=[^&]*&?");

    private final String baseUrl;
    private final String name;

    private PostgresSchema(String baseUrl, String name) {
        this.baseUrl = baseUrl;
        this.name = name;
    }

    /** Creates the schema, first dropping one of the same name left by an interrupted run. */
    public static PostgresSchema create(String baseUrl, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + name);
        }
        PostgresSchema schema = new PostgresSchema(withoutSchema(baseUrl), name);
        schema.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        schema.execute("CREATE SCHEMA " + name);
        return schema;
    }

    /** The base URL with {@code currentSchema} set to this schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("simulate", "cannot " + sql + " on " + baseUrl + ": " + e.getMessage()
                    + " (is PostgreSQL running? pass --jdbc-url)", e);
        }
    }

    static String withoutSchema(String url) {
        String stripped = CURRENT_SCHEMA.matcher(url).replaceAll("$1");
        return stripped.endsWith("?") || stripped.endsWith("&") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
