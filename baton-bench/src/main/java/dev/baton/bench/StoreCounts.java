package dev.baton.bench;

import dev.baton.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** What the store holds of one job type, by state, read with plain SQL on baton_jobs. */
record StoreCounts(Map<String, Long> byState) {

    private static final String SQL = "SELECT state, COUNT(*) FROM baton_jobs WHERE type = ? GROUP BY state";

    static StoreCounts of(JdbcStore store, String type) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the " + type + " jobs in baton_jobs: " + e.getMessage(), e);
        }
        return new StoreCounts(Map.copyOf(counts));
    }

    /** Waiting, scheduled, running or retrying: every state but completed and dead. */
    long unfinished() {
        return byState.entrySet().stream()
                .filter(e -> !e.getKey().equals("completed") && !e.getKey().equals("dead"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    long dead() {
        return byState.getOrDefault("dead", 0L);
    }

    long total() {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }
}
