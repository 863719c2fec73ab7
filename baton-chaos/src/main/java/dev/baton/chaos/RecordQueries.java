package dev.baton.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The results, computed from the record tables and the fault log alone, never from Baton's tables. */
final class RecordQueries {

    /**
     * A run cannot have been in flight for longer than this at a fault: a handler works at most 300 ms, a
     * paused worker stays stopped 25 s. Bounds the look-back so that an attempt that failed long before
     * (and has no effect for that reason) is not counted as caught by a later fault.
     */
    static final Duration LOOK_BACK = Duration.ofSeconds(60);

    /**
     * Keys whose latest start at or before the fault is by a process that was alive then (or is the one
     * {@code pid} the fault hit) and that had not written its effect by the fault; with each key's next
     * start on another process after the fault.
     */
    private static final String IN_FLIGHT = "WITH latest AS ("
            + " SELECT DISTINCT ON (s.key) s.key, s.pid, s.at FROM chaos_started s"
            + " WHERE s.at <= ? AND s.at > ? ORDER BY s.key, s.at DESC)"
            + " SELECT l.key, (SELECT min(r.at) FROM chaos_started r WHERE r.key = l.key AND r.at > ? AND r.pid <> l.pid)"
            + " FROM latest l"
            + " WHERE l.pid = COALESCE(CAST(? AS bigint), l.pid)"
            + " AND NOT EXISTS (SELECT 1 FROM chaos_faults k WHERE k.kind = 'kill' AND k.pid = l.pid AND k.at < ?)"
            + " AND NOT EXISTS (SELECT 1 FROM chaos_effects e WHERE e.key = l.key AND e.pid = l.pid"
            + " AND e.at >= l.at AND e.at <= ?)";
    private static final String JOBS = "SELECT count(*) FROM chaos_enqueued";
    private static final String LOST = "SELECT e.key FROM chaos_enqueued e"
            + " WHERE NOT EXISTS (SELECT 1 FROM chaos_effects f WHERE f.key = e.key) ORDER BY e.key";
    private static final String DUPLICATES = "SELECT count(*) - count(DISTINCT key) FROM chaos_effects WHERE kind = ?";
    private static final String PHANTOMS = "SELECT count(*) FROM chaos_effects f"
            + " WHERE NOT EXISTS (SELECT 1 FROM chaos_enqueued e WHERE e.key = f.key)";
    /** The keys with the most effect rows of a kind, to point a reader at the worker logs. */
    private static final String MOST_DUPLICATED = "SELECT f.key, count(*), count(DISTINCT f.pid), min(f.at), max(f.at),"
            + " (SELECT string_agg(DISTINCT CAST(s.job_id AS text), ',') FROM chaos_started s WHERE s.key = f.key)"
            + " FROM chaos_effects f WHERE f.kind = ? GROUP BY f.key HAVING count(*) > 1"
            + " ORDER BY count(*) DESC, f.key LIMIT 5";
    private static final String RERUNS = "SELECT count(*) FROM (SELECT key FROM chaos_started GROUP BY key"
            + " HAVING count(*) > 1) started_again";

    private RecordQueries() {}

    /** @param start the database's clock when the faults began, for relative times in the samples */
    static ChaosResult compute(Connection connection, List<Fault> faults, Instant start) throws SQLException {
        saveFaults(connection, faults);
        List<String> lost = keys(connection, LOST);
        List<FaultResult> results = new ArrayList<>();
        for (Fault fault : faults) {
            if (fault.kind() != FaultKind.RESUME) {
                results.add(inFlight(connection, fault));
            }
        }
        return new ChaosResult(count(connection, JOBS), lost.size(), lost.subList(0, Math.min(10, lost.size())),
                duplicates(connection, Kind.PLAIN), duplicates(connection, Kind.TX), count(connection, PHANTOMS),
                count(connection, RERUNS), results, mostDuplicated(connection, start));
    }

    private static List<String> mostDuplicated(Connection connection, Instant start) throws SQLException {
        List<String> sample = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            try (PreparedStatement ps = connection.prepareStatement(MOST_DUPLICATED)) {
                ps.setString(1, kind.label());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sample.add(String.format("%s %s (job #%s): %d effects by %d processes, from %.1fs to %.1fs",
                                kind.label(), rs.getString(1), rs.getString(6), rs.getLong(2), rs.getLong(3),
                                seconds(start, rs.getObject(4, OffsetDateTime.class)),
                                seconds(start, rs.getObject(5, OffsetDateTime.class))));
                    }
                }
            }
        }
        return List.copyOf(sample);
    }

    private static double seconds(Instant start, OffsetDateTime at) {
        return Duration.between(start, at.toInstant()).toMillis() / 1000.0;
    }

    private static void saveFaults(Connection connection, List<Fault> faults) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(RecordTables.INSERT_FAULT)) {
            for (Fault fault : faults) {
                ps.setInt(1, fault.seq());
                ps.setString(2, fault.kind().label());
                ps.setString(3, fault.nodeId());
                if (fault.pid() == null) {
                    ps.setNull(4, Types.BIGINT);
                } else {
                    ps.setLong(4, fault.pid());
                }
                ps.setObject(5, time(fault.at()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static FaultResult inFlight(Connection connection, Fault fault) throws SQLException {
        // Kills and the pause caught what that one process was running; the database faults caught everyone's.
        Long pid = fault.kind() == FaultKind.KILL || fault.kind() == FaultKind.PAUSE ? fault.pid() : null;
        int inFlight = 0;
        List<Long> rerun = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(IN_FLIGHT)) {
            OffsetDateTime at = time(fault.at());
            ps.setObject(1, at);
            ps.setObject(2, time(fault.at().minus(LOOK_BACK)));
            ps.setObject(3, at);
            if (pid == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, pid);
            }
            ps.setObject(5, at);
            ps.setObject(6, at);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inFlight++;
                    OffsetDateTime again = rs.getObject(2, OffsetDateTime.class);
                    if (again != null) {
                        rerun.add(Duration.between(fault.at(), again.toInstant()).toMillis());
                    }
                }
            }
        }
        return new FaultResult(fault, inFlight, fault.kind() == FaultKind.KILL ? List.copyOf(rerun) : List.of());
    }

    private static long duplicates(Connection connection, Kind kind) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(DUPLICATES)) {
            ps.setString(1, kind.label());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> keys(Connection connection, String sql) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
