package dev.baton.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instant to and from {@code timestamp with time zone}. Goes through {@link OffsetDateTime} at UTC, never
 * {@link java.sql.Timestamp}, whose conversions use the JVM's default time zone.
 */
final class Timestamps {

    private Timestamps() {}

    /**
     * Both databases keep microseconds; truncating here, rather than letting each round its own way, makes
     * what is read back the same on both.
     */
    static void set(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    static Instant get(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
