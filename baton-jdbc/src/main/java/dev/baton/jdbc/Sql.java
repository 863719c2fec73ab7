package dev.baton.jdbc;

import dev.baton.spi.ReadableRange;
import java.util.Collections;
import java.util.List;

/**
 * The statement text, per dialect. Only placeholders and constant literals are spliced in here: every
 * value reaches the database as a bind parameter.
 */
final class Sql {

    static final String JOB_COLUMNS = "id, type, version, queue, state, payload, priority, attempt, max_attempts,"
            + " created_at, run_at, attempted_at, finished_at, lease_owner, lease_expires_at, unique_key, release,"
            + " last_error";

    static final String CLAIMED_COLUMNS =
            "id, type, version, queue, payload, priority, attempt, max_attempts, created_at, run_at, release, forms";

    static final String CLAIMABLE = "state IN ('waiting', 'scheduled', 'retrying')";

    static final String INSERT_COLUMNS = "type, version, queue, state, payload, priority, max_attempts, run_at,"
            + " created_at, unique_key, unique_live, release, min_version, forms";

    static final int INSERT_PARAMS = 14;

    static final String INSERT_ROW = "(" + placeholders(INSERT_PARAMS) + ")";

    static final String SELECT_LIVE_UNIQUE = "SELECT id FROM baton_jobs WHERE type = ? AND unique_live = ?";

    static final String NOTIFY = "SELECT pg_notify(?, ?)";

    static final String CURRENT_SCHEMA = "SELECT current_schema()";

    // Fenced: only the run holding this attempt may record its outcome.
    private static final String FENCE = " WHERE id = ? AND attempt = ? AND state = 'running'";

    private static final String COMPLETED_SET = " SET state = 'completed', finished_at = ?,"
            + " lease_owner = NULL, lease_expires_at = NULL, unique_live = NULL";

    static final String COMPLETE_KEEP = "UPDATE baton_jobs" + COMPLETED_SET + FENCE;

    static final String COMPLETE_DELETE = "DELETE FROM baton_jobs" + FENCE;

    private static final String PG_ATTEMPTS = " unnest(CAST(? AS bigint[]), CAST(? AS int[])) AS d(id, attempt)"
            + " WHERE baton_jobs.id = d.id AND baton_jobs.attempt = d.attempt AND baton_jobs.state = 'running'"
            + " RETURNING baton_jobs.id, baton_jobs.attempt";

    /** Parameters: finished_at, the ids array, the attempts array. */
    static final String PG_COMPLETE_ALL_KEEP = "UPDATE baton_jobs" + COMPLETED_SET + " FROM" + PG_ATTEMPTS;

    /** Parameters: the ids array, the attempts array. */
    static final String PG_COMPLETE_ALL_DELETE = "DELETE FROM baton_jobs USING" + PG_ATTEMPTS;

    /** Parameters: finished_at unless deleting, then (id, attempt) for each of {@code jobs} runs. */
    static String h2CompleteAll(int jobs, boolean delete) {
        String fence = " WHERE state = 'running' AND (id, attempt) IN ("
                + String.join(", ", Collections.nCopies(jobs, "(?, ?)")) + ")";
        return delete ? "SELECT id, attempt FROM OLD TABLE (DELETE FROM baton_jobs" + fence + ")"
                : "SELECT id, attempt FROM FINAL TABLE (UPDATE baton_jobs" + COMPLETED_SET + fence + ")";
    }

    static final String RETRY = "UPDATE baton_jobs SET state = 'retrying', run_at = ?, last_error = ?,"
            + " lease_owner = NULL, lease_expires_at = NULL" + FENCE;

    static final String DEAD = "UPDATE baton_jobs SET state = 'dead', finished_at = ?, last_error = ?,"
            + " lease_owner = NULL, lease_expires_at = NULL, unique_live = NULL" + FENCE;

    // Not counted as an attempt: the claim's increment is undone.
    static final String RELEASE = "UPDATE baton_jobs SET state = 'waiting', attempt = attempt - 1, run_at = ?,"
            + " lease_owner = NULL, lease_expires_at = NULL" + FENCE;

    // Not counted either: this node could not read the job, which says nothing about the job.
    static final String PARK = "UPDATE baton_jobs SET state = 'waiting', attempt = attempt - 1, run_at = ?,"
            + " last_error = ?, lease_owner = NULL, lease_expires_at = NULL" + FENCE;

    /**
     * Claims count the attempt without ever overflowing it: a stored count at the int limit (hand-edited,
     * corrupt) would otherwise make every claim on its queue fail. Such a job comes out with an attempt
     * past its maximum, and the runner records it as dead without running it.
     */
    static final String NEXT_ATTEMPT = "LEAST(attempt, 2147483646) + 1";

    /** The advisory-lock test of a run's presence (see {@link PgPresence}). Parameter: the lock space. */
    static final String RUN_PRESENT = "EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory'"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid = CAST(? AS oid) AND l.objid = CAST(run_id AS oid) AND l.objsubid = 2 AND l.granted)";

    /** Parameters: lease_expires_at, run_id, then (id, attempt) for each of {@code jobs} runs. */
    static String leaseExtend(int jobs) {
        return "UPDATE baton_jobs SET lease_expires_at = ? WHERE run_id = ? AND state = 'running' AND (id, attempt) IN ("
                + String.join(", ", Collections.nCopies(jobs, "(?, ?)")) + ")";
    }

    static final String GET = "SELECT " + JOB_COLUMNS + " FROM baton_jobs WHERE id = ?";

    static final String COUNT = "SELECT type, version, queue, state, min_version, COUNT(*) AS n FROM baton_jobs"
            + " GROUP BY type, version, queue, state, min_version ORDER BY type, version, queue, state, min_version";

    static final String LAPSED_NOTE_PREFIX = "lease expired after attempt ";

    static final String LAPSED_NOTE_SUFFIX =
            ": the node running it stopped heartbeating (crash, kill -9, or a long GC pause)";

    /**
     * Applied to lapsed leases: dead when no attempts are left, else retrying and due now. Parameters: dead
     * finished_at, retry run_at, note prefix, note suffix.
     */
    static final String RESCUE_SET = " SET"
            + " state = CASE WHEN attempt >= max_attempts THEN 'dead' ELSE 'retrying' END,"
            + " finished_at = CASE WHEN attempt >= max_attempts THEN ? ELSE finished_at END,"
            + " run_at = CASE WHEN attempt >= max_attempts THEN run_at ELSE ? END,"
            + " unique_live = CASE WHEN attempt >= max_attempts THEN NULL ELSE unique_live END,"
            + " last_error = CAST(? AS VARCHAR(100)) || CAST(attempt AS VARCHAR(12)) || CAST(? AS VARCHAR(200)),"
            + " lease_owner = NULL, lease_expires_at = NULL";

    private final Dialect dialect;

    Sql(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A multi-row insert of {@code rows} jobs, returning the new ids. */
    String insert(int rows) {
        String values = String.join(", ", Collections.nCopies(rows, INSERT_ROW));
        String insert = "INSERT INTO baton_jobs (" + INSERT_COLUMNS + ") VALUES " + values;
        return switch (dialect) {
            case POSTGRESQL -> insert + " RETURNING id";
            case H2 -> "SELECT id FROM FINAL TABLE (" + insert + ")";
        };
    }

    /**
     * PostgreSQL: inserts nothing, rather than raising a unique violation that would abort the caller's
     * transaction. H2 rolls back only the failing statement, so a plain insert is caught and handled.
     */
    String insertUnique() {
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO baton_jobs (" + INSERT_COLUMNS + ") VALUES " + INSERT_ROW
                    + " ON CONFLICT (type, unique_live) WHERE unique_live IS NOT NULL DO NOTHING RETURNING id";
            case H2 -> insert(1);
        };
    }

    /**
     * {@code (type = ? AND version >= ? AND min_version <= ?) OR ...}, three parameters per range (type,
     * min, max): a job is readable when the range meets the versions it is stored in, [min_version, version].
     */
    static String readableFilter(List<ReadableRange> ranges) {
        return "(" + ranges.stream()
                .map(r -> "(type = ? AND version >= ? AND min_version <= ?)")
                .collect(java.util.stream.Collectors.joining(" OR ")) + ")";
    }

    /**
     * Parameters: queue, now, the readable ranges, limit. PostgreSQL then takes attempted_at, owner,
     * run_id, lease_expires_at.
     */
    String claim(List<ReadableRange> ranges) {
        String pick = "SELECT id FROM baton_jobs WHERE queue = ? AND " + CLAIMABLE + " AND run_at <= ? AND "
                + readableFilter(ranges) + " ORDER BY priority DESC, run_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
        return switch (dialect) {
            // H2 reads an index in order only without FOR UPDATE, and its FOR UPDATE locks every row its
            // WHERE passes before LIMIT applies: the candidates come from the claim-order index unlocked,
            // then H2_LOCK locks those still claimable by their ids.
            case H2 -> "SELECT id FROM baton_jobs WHERE claim_queue = ? AND run_at <= ? AND " + readableFilter(ranges)
                    + " ORDER BY claim_queue, priority DESC, run_at, id LIMIT ?";
            case POSTGRESQL -> "WITH picked AS (" + pick + ") UPDATE baton_jobs j SET state = 'running',"
                    + " attempt = LEAST(j.attempt, 2147483646) + 1, attempted_at = ?, lease_owner = ?, run_id = ?,"
                    + " lease_expires_at = ?"
                    + " FROM picked WHERE j.id = picked.id RETURNING " + qualified("j", CLAIMED_COLUMNS);
        };
    }

    /**
     * H2's second claim step: of the candidates, those still claimable and readable (a rewrite may have
     * changed a version meanwhile) and not locked by another claim. Parameters: the ids, the queue, the
     * readable ranges.
     */
    static String h2Lock(int ids, List<ReadableRange> ranges) {
        return "SELECT id FROM baton_jobs WHERE id IN (" + placeholders(ids) + ") AND claim_queue = ? AND "
                + readableFilter(ranges) + " FOR UPDATE SKIP LOCKED";
    }

    /** H2's third claim step. Parameters: attempted_at, owner, run_id, lease_expires_at, then the ids. */
    static String claimPicked(int ids) {
        return "SELECT " + CLAIMED_COLUMNS + " FROM FINAL TABLE (UPDATE baton_jobs SET state = 'running',"
                + " attempt = " + NEXT_ATTEMPT + ", attempted_at = ?, lease_owner = ?, run_id = ?, lease_expires_at = ?"
                + " WHERE id IN (" + placeholders(ids) + "))";
    }

    /**
     * Running jobs whose run is over: lease lapsed or missing (a row written by hand, a bug), or, on
     * PostgreSQL, a run whose presence lock is gone because its process died. Parameters: now, then on
     * PostgreSQL the lock space; then limit; PostgreSQL then the RESCUE_SET ones.
     */
    String rescue() {
        String runGone = dialect == Dialect.POSTGRESQL ? " OR (run_id IS NOT NULL AND NOT " + RUN_PRESENT + ")" : "";
        String pick = "SELECT id FROM baton_jobs WHERE state = 'running' AND (lease_expires_at < ?"
                + " OR lease_expires_at IS NULL" + runGone + ")"
                + " ORDER BY lease_expires_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
        return switch (dialect) {
            case POSTGRESQL -> "WITH lapsed AS (" + pick + ") UPDATE baton_jobs" + RESCUE_SET
                    + " FROM lapsed WHERE baton_jobs.id = lapsed.id RETURNING baton_jobs.state";
            case H2 -> pick;
        };
    }

    /** H2's second rescue step. Parameters: the RESCUE_SET ones, then the ids. */
    static String rescuePicked(int ids) {
        return "SELECT state FROM FINAL TABLE (UPDATE baton_jobs" + RESCUE_SET
                + " WHERE id IN (" + placeholders(ids) + "))";
    }

    /** Parameters: state, finishedBefore, limit. */
    String prune() {
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return "DELETE FROM baton_jobs WHERE id IN (SELECT id FROM baton_jobs WHERE state = ? AND finished_at < ?"
                + " ORDER BY finished_at, id LIMIT ?" + lock + ")";
    }

    /** Filters are present or absent; parameters follow in the order type, queue, state, beforeId, limit. */
    static String list(boolean type, boolean queue, boolean state, boolean beforeId) {
        StringBuilder where = new StringBuilder();
        if (type) {
            where.append(" AND type = ?");
        }
        if (queue) {
            where.append(" AND queue = ?");
        }
        if (state) {
            where.append(" AND state = ?");
        }
        if (beforeId) {
            where.append(" AND id < ?");
        }
        String filter = where.isEmpty() ? "" : " WHERE" + where.substring(4);
        return "SELECT " + JOB_COLUMNS + " FROM baton_jobs" + filter + " ORDER BY id DESC LIMIT ?";
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static String qualified(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }
}
