package dev.baton.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The PostgreSQL NOTIFY channel of one store: {@code baton_jobs_<schema>}, so that stores in different
 * schemas of one database (tenants, test runs) do not wake each other. Looked up once, on first use.
 */
final class Channel {

    static final String PREFIX = "baton_jobs_";

    /** PostgreSQL truncates identifiers longer than this. */
    static final int MAX_LENGTH = 63;

    private final DataSource dataSource;
    private volatile String name;

    Channel(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    String name() throws SQLException {
        String n = name;
        if (n == null) {
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(Sql.CURRENT_SCHEMA)) {
                n = forSchema(rs.next() ? rs.getString(1) : null);
            }
            name = n;
        }
        return n;
    }

    /**
     * The first key of this store's advisory locks: derived from the schema like the channel, so that
     * stores in different schemas of one database never read each other's run presences.
     */
    int lockSpace() throws SQLException {
        return name().hashCode() & Integer.MAX_VALUE;
    }

    /**
     * Wakes the listeners of each queue. Sent in the caller's transaction, so PostgreSQL delivers it on
     * commit and drops it on rollback.
     */
    void notify(Connection c, Collection<String> queues) throws SQLException {
        if (queues.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.NOTIFY)) {
            ps.setString(1, name());
            for (String queue : queues) {
                ps.setString(2, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }

    /**
     * Sanitised to {@code [a-z0-9_]}: the name is spliced into {@code LISTEN}, which takes an identifier and
     * no bind parameter.
     */
    static String forSchema(String schema) {
        String s = schema == null ? "" : schema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String full = PREFIX + s;
        return full.length() > MAX_LENGTH ? full.substring(0, MAX_LENGTH) : full;
    }
}
