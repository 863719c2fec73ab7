package dev.baton.cli.deploy;

import dev.baton.BatonInspector;
import dev.baton.StrandedJobs;
import dev.baton.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts a run's outcome from the database alone: the example app's own tables ({@code example_enqueued},
 * one row per job enqueued in the same transaction as the job; {@code example_handled}, one row per
 * handler run) against Baton's {@code baton_jobs}.
 */
final class Measurements {

    private static final String UNFINISHED = "('waiting', 'scheduled', 'retrying', 'running')";
    /**
     * A job with a run that failed or was lost, from its attempt count and state alone: every attempt but
     * the one that completed it (or is running it now) ended without success. Handing a job back unread
     * does not count an attempt, so it does not show here.
     */
    private static final String FAILED_RUN =
            "attempt > CASE WHEN state IN ('completed', 'running') THEN 1 ELSE 0 END";

    private final JdbcStore store;
    private final Duration nodeTtl;

    Measurements(JdbcStore store, Duration nodeTtl) {
        this.store = store;
        this.nodeTtl = nodeTtl;
    }

    /**
     * Jobs pending or running, and of those, the pending ones no live worker takes.
     *
     * @param progress changes whenever a job changes state or is attempted again
     */
    record Backlog(long unfinished, long running, long stranded, String progress) {}

    Backlog backlog() {
        String sql = "SELECT state, COUNT(*), SUM(attempt) FROM baton_jobs GROUP BY state ORDER BY state";
        StringBuilder progress = new StringBuilder();
        long[] counts = new long[2]; // unfinished, running
        eachRow(sql, rs -> {
            String state = rs.getString(1);
            long count = rs.getLong(2);
            progress.append(state).append('=').append(count).append('/').append(rs.getLong(3)).append(' ');
            if (!state.equals("completed") && !state.equals("dead")) {
                counts[0] += count;
            }
            if (state.equals("running")) {
                counts[1] = count;
            }
        });
        long unfinished = counts[0];
        long running = counts[1];
        long stranded = unfinished == 0 ? 0 : stranded().stream().mapToLong(StrandedJobs::count).sum();
        return new Backlog(unfinished, running, stranded, progress.toString());
    }

    List<StrandedJobs> stranded() {
        return new BatonInspector(store, Clock.systemUTC(), nodeTtl).stranded();
    }

    /** Jobs enqueued so far; 0 before the app created its tables. */
    long enqueued() {
        try {
            return count("SELECT COUNT(*) FROM example_enqueued");
        } catch (MeasurementException e) {
            return 0;
        }
    }

    ScenarioResult measure(String scenario, Mode mode, String drain, Duration drainTime) {
        return measure(scenario, mode, drain, drainTime, Set.of());
    }

    /**
     * @param inFlightAtKills jobs that were running on a node when it was killed: their lost run and their
     *     rerun are what a kill explains, so they count apart (never as failed, duplicates only up to them)
     */
    ScenarioResult measure(String scenario, Mode mode, String drain, Duration drainTime,
            Set<Long> inFlightAtKills) {
        boolean protections = mode.protect();
        List<Long> handledTwice = longs("SELECT job_id FROM example_handled GROUP BY job_id HAVING COUNT(*) > 1");
        // Stranded is Baton's word: a job no live Baton worker reads. A conventional queue's workers read by
        // class, not by what they register, so its jobs left over are only unfinished (retrying, waiting).
        List<StrandedJobs> stranded = protections ? stranded() : List.of();
        return new ScenarioResult(scenario, mode,
                count("SELECT COUNT(*) FROM example_enqueued"),
                count("SELECT COUNT(*) FROM baton_jobs j JOIN example_enqueued e ON e.job_id = j.id"
                        + " WHERE j.state = 'completed'"),
                longs("SELECT id FROM baton_jobs WHERE " + FAILED_RUN).stream()
                        .filter(id -> !inFlightAtKills.contains(id)).count(),
                count("SELECT COUNT(*) FROM baton_jobs WHERE state = 'dead'"),
                stranded.stream().mapToLong(StrandedJobs::count).sum(),
                count("SELECT COUNT(*) FROM example_enqueued e"
                        + " WHERE NOT EXISTS (SELECT 1 FROM baton_jobs j WHERE j.id = e.job_id)"
                        + " AND NOT EXISTS (SELECT 1 FROM example_handled h WHERE h.job_id = e.job_id)"),
                handledTwice.stream().filter(id -> !inFlightAtKills.contains(id)).count(),
                inFlightAtKills.size(),
                handledTwice.stream().filter(inFlightAtKills::contains).count(),
                count("SELECT COUNT(*) FROM baton_jobs j JOIN example_enqueued e ON e.job_id = j.id"
                        + " WHERE j.state = 'completed'"
                        + " AND NOT EXISTS (SELECT 1 FROM example_handled h WHERE h.job_id = e.job_id)"),
                fieldsLost(),
                longestWaitMillis(),
                count("SELECT COUNT(*) FROM baton_jobs WHERE state IN " + UNFINISHED),
                drain, drainTime.toMillis(), failures(inFlightAtKills), stranded, unfinished(),
                typeRuns(ShopRelease.DELETED_TYPE));
    }

    private ScenarioResult.TypeRuns typeRuns(String type) {
        return new ScenarioResult.TypeRuns(type,
                count("SELECT COUNT(*) FROM example_enqueued WHERE type = ?", type),
                count(FIRST_RUN_BY, type, NodeSpec.N),
                count(FIRST_RUN_BY, type, NodeSpec.N1),
                count("SELECT COUNT(*) FROM baton_jobs j JOIN example_enqueued e ON e.job_id = j.id"
                        + " WHERE e.type = ? AND j.state = 'completed'"
                        + " AND NOT EXISTS (SELECT 1 FROM example_handled h WHERE h.job_id = e.job_id)", type));
    }

    /** Jobs of a type by the release whose handler ran them first. Parameters: the type, the release. */
    private static final String FIRST_RUN_BY = "SELECT COUNT(DISTINCT h.job_id) FROM example_handled h"
            + " JOIN (SELECT job_id, MIN(handled_at) AS first_at FROM example_handled WHERE type = ? GROUP BY job_id) f"
            + " ON f.job_id = h.job_id AND f.first_at = h.handled_at WHERE h.release = ?";

    private List<ScenarioResult.Unfinished> unfinished() {
        String sql = "SELECT type, version, queue, state, COUNT(*) FROM baton_jobs WHERE state IN " + UNFINISHED
                + " GROUP BY type, version, queue, state ORDER BY type, version, queue, state";
        List<ScenarioResult.Unfinished> unfinished = new ArrayList<>();
        eachRow(sql, rs -> unfinished.add(new ScenarioResult.Unfinished(rs.getString(1), rs.getInt(2),
                rs.getString(3), rs.getString(4), rs.getLong(5))));
        return unfinished;
    }

    /**
     * Handler runs that got null for a field the producer set: what the producer sent and what the handler
     * received, both as the shop's own tables hold them. A field the handler's record lacks is not counted:
     * an older reader that does not know a newer field loses nothing it could use.
     */
    private long fieldsLost() {
        String sql = "SELECT e.sent, h.received FROM example_handled h JOIN example_enqueued e ON e.job_id = h.job_id"
                + " WHERE e.sent IS NOT NULL AND h.received IS NOT NULL";
        long[] lost = new long[1];
        eachRow(sql, rs -> lost[0] += SentAndReceived.lostAField(rs.getString(1), rs.getString(2)) ? 1 : 0);
        return lost[0];
    }

    /** From enqueue to the first run of the handler, over every job that ran. */
    private long longestWaitMillis() {
        String sql = "SELECT e.enqueued_at, MIN(h.handled_at) FROM example_enqueued e"
                + " JOIN example_handled h ON h.job_id = e.job_id GROUP BY e.job_id, e.enqueued_at";
        long[] longest = new long[1];
        eachRow(sql, rs -> longest[0] = Math.max(longest[0], millis(rs.getObject(2)) - millis(rs.getObject(1))));
        return longest[0];
    }

    /** Failed jobs per type with the first error, leaving out the runs a kill explains. */
    private List<ScenarioResult.TypeFailures> failures(Set<Long> inFlightAtKills) {
        String sql = "SELECT id, type, state, last_error FROM baton_jobs WHERE " + FAILED_RUN + " ORDER BY type, id";
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> firstErrors = new HashMap<>();
        eachRow(sql, rs -> {
            if (inFlightAtKills.contains(rs.getLong(1))) {
                return;
            }
            long[] count = counts.computeIfAbsent(rs.getString(2), t -> new long[2]);
            count[0]++;
            count[1] += rs.getString(3).equals("dead") ? 1 : 0;
            String error = rs.getString(4);
            firstErrors.merge(rs.getString(2), error == null ? "" : error, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        });
        List<ScenarioResult.TypeFailures> failures = new ArrayList<>();
        counts.forEach((type, n) -> failures.add(new ScenarioResult.TypeFailures(type, n[0], n[1],
                firstLine(firstErrors.get(type)))));
        return failures;
    }

    /**
     * The jobs running on {@code nodeId}, a node that can no longer reach the store: the jobs its kill
     * puts in flight. A claim or a completion it sent just before it went down may still be committing,
     * so the set is read until two reads 100 ms apart agree.
     */
    Set<Long> heldBy(String nodeId) {
        Set<Long> previous = runningOn(nodeId);
        for (int read = 0; read < 50; read++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            Set<Long> now = runningOn(nodeId);
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /** The jobs running on {@code nodeId} now. */
    Set<Long> runningOn(String nodeId) {
        String sql = "SELECT id FROM baton_jobs WHERE state = 'running' AND lease_owner = ?";
        Set<Long> ids = new HashSet<>();
        eachRow(sql, rs -> ids.add(rs.getLong(1)), nodeId);
        return ids;
    }

    private List<Long> longs(String sql) {
        List<Long> values = new ArrayList<>();
        eachRow(sql, rs -> values.add(rs.getLong(1)));
        return values;
    }

    private long count(String sql, String... parameters) {
        long[] count = new long[1];
        eachRow(sql, rs -> count[0] = rs.getLong(1), parameters);
        return count[0];
    }

    /** One row of a measuring query. */
    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with string {@code parameters} on a connection of its own and hands over each row. */
    private void eachRow(String sql, Row row, String... parameters) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new MeasurementException(sql, e);
        }
    }

    /** The app may store times as timestamps (with or without zone) or as epoch millis; both columns alike. */
    static long millis(Object value) {
        if (value instanceof Timestamp t) {
            return t.getTime();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toEpochMilli();
        }
        if (value instanceof Instant t) {
            return t.toEpochMilli();
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("not a time: " + value + (value == null ? "" : " (" + value.getClass() + ")"));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }

    /** A measuring query failed: the database is not the example app's, or went away. */
    static final class MeasurementException extends dev.baton.BatonException {

        MeasurementException(String sql, SQLException cause) {
            super("measuring the run failed (" + cause.getMessage() + ") in: " + sql, cause);
        }
    }
}
