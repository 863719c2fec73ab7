package dev.baton.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC chores shared by the store's operations. */
final class Statements {

    private Statements() {}

    /** The first column of every row, as longs. */
    static List<Long> longs(PreparedStatement ps) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    /** The first column of every row, as strings. */
    static List<String> strings(PreparedStatement ps) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static void bindIds(PreparedStatement ps, int first, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(first + i, ids.get(i));
        }
    }

    /**
     * Ids as one array parameter, for {@code id = ANY(?)}: unlike an IN list of placeholders, its size has no
     * limit and the statement text stays the same.
     */
    static Array idArray(Connection c, List<Long> ids) throws SQLException {
        return c.createArrayOf("BIGINT", ids.toArray());
    }

    /** Sums a batch's update counts, counting drivers' "unknown" (negative) as none. */
    static int sum(int[] counts) {
        int total = 0;
        for (int n : counts) {
            total += Math.max(n, 0);
        }
        return total;
    }

    /** {@code items} in consecutive sublists of at most {@code size}. */
    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}
