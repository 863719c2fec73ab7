package dev.baton.bench;

import dev.baton.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL: each measurement gets a throwaway schema, which its stores find through {@code currentSchema}
 * in their JDBC URL, and which is dropped afterwards with everything in it.
 */
final class PostgresTarget implements BenchTarget {

    private final String baseUrl;
    private final PgCounters counters;

    private PostgresTarget(String baseUrl) {
        this.baseUrl = baseUrl;
        this.counters = new PgCounters(baseUrl);
    }

    /** @throws IllegalStateException naming the URL when PostgreSQL cannot be reached */
    static PostgresTarget connect(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must start with jdbc:postgresql: (got " + jdbcUrl + ")");
        }
        PostgresTarget target = new PostgresTarget(JdbcUrls.without(jdbcUrl, "currentSchema"));
        target.execute("SELECT 1");
        return target;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String location() {
        return baseUrl;
    }

    @Override
    public StoreLocation fresh(String label) {
        String schema = "baton_bench_" + BenchTarget.safeLabel(label) + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE SCHEMA " + schema);
        String url = JdbcUrls.with(JdbcUrls.with(baseUrl, "currentSchema", schema),
                "ApplicationName", PgCounters.APPLICATION);
        return new StoreLocation() {
            @Override
            public JdbcStore open() {
                return JdbcStore.connect(url);
            }

            @Override
            public void close() {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        };
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public boolean latencyFromAnotherNode() {
        return true;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (!counters.measuresCpu()) {
            notes.add("PostgreSQL CPU not measured: no postgres process in /proc (the server is on another machine)");
        } else {
            notes.add("PostgreSQL CPU is the whole server's (every postgres process, from /proc), not only the bench's sessions");
        }
        long others = counters.mostOtherSessions();
        if (others > 0) {
            notes.add("up to " + others + " other sessions were connected to the database during the measurements:"
                    + " its transaction count and the server's CPU include whatever they did");
        }
        return notes;
    }

    @Override
    public void close() {
        // Every schema is dropped by its own location.
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + baseUrl + " failed on " + sql + ": " + e.getMessage()
                    + " (is it running? pass --jdbc-url, or --store h2)", e);
        }
    }
}
