package dev.baton.bench;

import dev.baton.bench.Results.Costs;
import dev.baton.bench.Results.RawDrain;
import dev.baton.bench.Results.Rate;
import dev.baton.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The same work as Baton's done by hand over plain JDBC, on the same database and through the same kind of
 * pool (a store's own, whose data source only is used), in a table of its own: the rate the database allows.
 */
final class RawReference {

    private static final String PAYLOAD_FORMAT = "{\"n\":%d}";

    private RawReference() {}

    /** Multi-row INSERT of N rows, 100 per statement, one transaction per statement. */
    static Rate enqueue(BenchTarget target, BenchSettings settings, Findings findings) {
        try (StoreLocation location = target.fresh("raw_enqueue"); JdbcStore pool = location.open()) {
            RawSql sql = new RawSql(pool.dialect());
            createTable(pool.dataSource(), sql);
            Deadline deadline = Deadline.after(settings.maxTime());
            long start = System.nanoTime();
            long rows = insert(pool.dataSource(), sql, settings.jobs(), Duration.ZERO, deadline);
            long nanos = System.nanoTime() - start;
            long stored = count(pool.dataSource(), RawSql.COUNT_ALL);
            if (stored != rows) {
                findings.error("raw enqueue: " + rows + " rows inserted but the table holds " + stored);
            }
            execute(pool.dataSource(), sql.dropTable());
            return Rate.of(rows, settings.jobs(), nanos);
        }
    }

    /**
     * N due rows (after {@code scheduled} rows due in a year) drained by K threads: claim 100, then delete them.
     * The rows are inserted through a pool of their own, closed before the drain's opens, so that the inserts'
     * transactions are not counted in the drain's (PostgreSQL publishes a session's counts when it ends).
     */
    static RawDrain drain(BenchTarget target, BenchSettings settings, int scheduled, String label, Findings findings)
            throws InterruptedException {
        try (StoreLocation location = target.fresh(label)) {
            RawSql sql;
            try (JdbcStore pool = location.open()) {
                sql = new RawSql(pool.dialect());
                Deadline none = Deadline.after(Duration.ofDays(1));
                createTable(pool.dataSource(), sql);
                insert(pool.dataSource(), sql, scheduled, DrainBench.SCHEDULED_AHEAD, none);
                insert(pool.dataSource(), sql, settings.jobs(), Duration.ZERO, none);
            }
            target.counters().settle();
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            AtomicLong duplicates = new AtomicLong();
            AtomicLong claims = new AtomicLong();
            long nanos;
            Meter meter;
            try (JdbcStore pool = location.open()) {
                meter = Meter.start(target.counters());
                Deadline deadline = Deadline.after(settings.maxTime());
                long start = System.nanoTime();
                runDrainers(pool.dataSource(), sql, settings.workers(), seen, duplicates, claims, deadline);
                nanos = System.nanoTime() - start;
            }
            Costs costs = meter.stop(seen.size());
            long left;
            long leftDue;
            try (JdbcStore pool = location.open()) {
                leftDue = count(pool.dataSource(), RawSql.COUNT_DUE);
                left = count(pool.dataSource(), RawSql.COUNT_ALL);
                execute(pool.dataSource(), sql.dropTable());
            }
            Rate rate = Rate.of(seen.size(), settings.jobs(), nanos);
            if (!rate.finished()) {
                findings.note(label + " did not finish: " + Text.count(seen.size()) + " of " + Text.count(settings.jobs())
                        + " in " + Text.seconds(rate.seconds()) + " (--max-seconds " + Text.plain(settings.maxSeconds()) + ")");
            }
            if (duplicates.get() > 0 || leftDue != settings.jobs() - seen.size() || left - leftDue != scheduled) {
                findings.error(label + ": claimed " + seen.size() + " distinct rows (" + duplicates.get()
                        + " twice) of " + settings.jobs() + "; the table kept " + leftDue + " due and "
                        + (left - leftDue) + " scheduled rows (" + scheduled + " were scheduled)");
            }
            return new RawDrain(rate, scheduled, claims.get(), left, costs);
        }
    }

    private static void runDrainers(DataSource ds, RawSql sql, int threads, Set<Long> seen, AtomicLong duplicates,
            AtomicLong claims, Deadline deadline) throws InterruptedException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> drainers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try (Connection c = ds.getConnection()) {
                    for (Claim claim = claim(c, sql, index, threads); claim.more() && !deadline.passed();
                            claim = claim(c, sql, index, threads)) {
                        for (long id : claim.ids()) {
                            if (!seen.add(id)) {
                                duplicates.incrementAndGet();
                            }
                        }
                        if (!claim.ids().isEmpty()) {
                            claims.incrementAndGet();
                            delete(c, claim.ids());
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-raw-" + i);
            t.start();
            drainers.add(t);
        }
        for (Thread t : drainers) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("raw drain failed: " + failure.get().getMessage(), failure.get());
        }
    }

    /**
     * What one claim got.
     *
     * @param more false once no due row is left unclaimed: PostgreSQL's SKIP LOCKED claim came back empty
     *     (the rows left are held by other claims, which will have them); on H2, no candidate is left waiting
     */
    private record Claim(List<Long> ids, boolean more) {}

    private static Claim claim(Connection c, RawSql sql, int thread, int threads) throws SQLException {
        if (sql.claimsInOneStatement()) {
            try (PreparedStatement ps = c.prepareStatement(sql.claim())) {
                ps.setString(1, NoopJob.QUEUE);
                ps.setInt(2, BenchSettings.RAW_BATCH);
                List<Long> ids = ids(ps);
                return new Claim(ids, !ids.isEmpty());
            }
        }
        c.setAutoCommit(false);
        try {
            Claim claim = claimH2(c, sql, thread, threads);
            c.commit();
            return claim;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Each thread locks its own slice of the candidates, so that K claims at once do not all reach for the
     * same first 100; rows another claim holds are passed over, and a slice past the end falls back to the first.
     */
    private static Claim claimH2(Connection c, RawSql sql, int thread, int threads) throws SQLException {
        List<Long> candidates;
        try (PreparedStatement ps = c.prepareStatement(sql.candidates())) {
            ps.setString(1, NoopJob.QUEUE);
            ps.setInt(2, threads * BenchSettings.RAW_BATCH);
            candidates = ids(ps);
        }
        if (candidates.isEmpty()) {
            return new Claim(List.of(), false);
        }
        int from = thread * BenchSettings.RAW_BATCH < candidates.size() ? thread * BenchSettings.RAW_BATCH : 0;
        List<Long> slice = candidates.subList(from, Math.min(candidates.size(), from + BenchSettings.RAW_BATCH));
        List<Long> locked;
        try (PreparedStatement ps = c.prepareStatement(RawSql.lockPicked(slice.size()))) {
            bindIds(ps, slice);
            locked = ids(ps);
        }
        if (!locked.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(RawSql.claimPicked(locked.size()))) {
                bindIds(ps, locked);
                ps.executeUpdate();
            }
        }
        return new Claim(locked, true);
    }

    private static void delete(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RawSql.delete(ids.size()))) {
            bindIds(ps, ids);
            int deleted = ps.executeUpdate();
            if (deleted != ids.size()) {
                throw new IllegalStateException("deleted " + deleted + " of " + ids.size() + " claimed rows");
            }
        }
    }

    /** Inserts {@code rows} rows due after {@code ahead}, a statement (and transaction) per 100. */
    private static long insert(DataSource ds, RawSql sql, long rows, Duration ahead, Deadline deadline) {
        long done = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            PreparedStatement full = c.prepareStatement(sql.insert(BenchSettings.RAW_INSERT_ROWS));
            try (full) {
                while (done < rows && !deadline.passed()) {
                    int size = (int) Math.min(BenchSettings.RAW_INSERT_ROWS, rows - done);
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    if (size == BenchSettings.RAW_INSERT_ROWS) {
                        bindRows(full, size, done, now.plus(ahead), now);
                        full.executeUpdate();
                    } else {
                        try (PreparedStatement last = c.prepareStatement(sql.insert(size))) {
                            bindRows(last, size, done, now.plus(ahead), now);
                            last.executeUpdate();
                        }
                    }
                    done += size;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw insert failed after " + done + " rows: " + e.getMessage(), e);
        }
        return done;
    }

    private static void bindRows(PreparedStatement ps, int rows, long first, OffsetDateTime runAt, OffsetDateTime now)
            throws SQLException {
        int p = 1;
        for (int i = 0; i < rows; i++) {
            ps.setString(p++, NoopJob.TYPE);
            ps.setString(p++, NoopJob.QUEUE);
            ps.setString(p++, String.format(PAYLOAD_FORMAT, first + i));
            ps.setObject(p++, runAt);
            ps.setObject(p++, now);
        }
    }

    private static void bindIds(PreparedStatement ps, List<Long> ids) throws SQLException {
        int p = 1;
        for (long id : ids) {
            ps.setLong(p++, id);
        }
    }

    private static List<Long> ids(PreparedStatement ps) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void createTable(DataSource ds, RawSql sql) {
        execute(ds, sql.dropTable());
        execute(ds, sql.createTable());
        execute(ds, sql.createIndex());
    }

    private static void execute(DataSource ds, String text) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(text);
        } catch (SQLException e) {
            throw new IllegalStateException("raw reference: " + text + " failed: " + e.getMessage(), e);
        }
    }

    private static long count(DataSource ds, String text) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(text)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("raw reference: " + text + " failed: " + e.getMessage(), e);
        }
    }
}
