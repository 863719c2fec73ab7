package dev.baton.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.ConfigException;
import dev.baton.StoreException;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.InsertedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobLeaseExtendParams;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobPruneParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobReleaseParams;
import dev.baton.spi.JobRescueParams;
import dev.baton.spi.JobRescueResult;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobState;
import dev.baton.spi.JobStore;
import dev.baton.spi.ReadableRange;
import dev.baton.spi.StoreListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The JobStore over JDBC, for PostgreSQL and H2. PostgreSQL claims with {@code FOR UPDATE SKIP LOCKED}
 * in one statement and wakes workers with LISTEN/NOTIFY; H2 is the zero-config embedded default.
 *
 * <p>Call {@link #migrate()} before use (Baton does on start), or apply {@link Schema#sql(Dialect)}.
 */
public final class JdbcStore implements JobStore {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final HikariDataSource ownPool;
    private final Transactions transactions;
    private final Sql sql;
    private final Channel channel;
    private final JobInserter inserter;
    private final Migrator migrator;
    private final Set<PgListener.Subscription> subscriptions = PgListener.registry();

    private JdbcStore(DataSource dataSource, Dialect dialect, HikariDataSource ownPool) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = dialect;
        this.ownPool = ownPool;
        this.transactions = new Transactions(dataSource);
        this.sql = new Sql(dialect);
        this.channel = new Channel(dataSource);
        this.inserter = new JobInserter(dialect, sql, channel);
        this.migrator = new Migrator(dataSource, dialect);
    }

    /** A store over the caller's PostgreSQL data source, which {@link #close()} leaves open. */
    public static JdbcStore postgres(DataSource dataSource) {
        return new JdbcStore(dataSource, Dialect.POSTGRESQL, null);
    }

    /** A store over the caller's H2 data source, which {@link #close()} leaves open. */
    public static JdbcStore h2(DataSource dataSource) {
        return new JdbcStore(dataSource, Dialect.H2, null);
    }

    /**
     * The zero-config default: an H2 database in the file {@code directory/baton}, created if missing. Other
     * processes (the CLI, the dashboard) can open it while the application runs. The pool is the store's
     * and is closed with it.
     *
     * @throws StoreException when the directory cannot be created
     */
    public static JdbcStore embedded(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("embedded", "cannot create the database directory " + dir + ": " + e, e);
        }
        return connect("jdbc:h2:file:" + dir.resolve("baton") + ";AUTO_SERVER=TRUE");
    }

    /**
     * A store with its own connection pool, closed with it. The dialect follows from the URL.
     *
     * @throws ConfigException when the URL is not a PostgreSQL or H2 one
     */
    public static JdbcStore connect(String jdbcUrl) {
        Dialect dialect = jdbcUrl == null ? null : Dialect.fromUrl(jdbcUrl);
        if (dialect == null) {
            throw new ConfigException("jdbcUrl", jdbcUrl,
                    "Baton supports JDBC URLs starting with " + Dialect.POSTGRESQL.urlPrefix() + " (PostgreSQL) or "
                            + Dialect.H2.urlPrefix() + " (H2)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("baton-" + dialect.id());
        // Report an unreachable database from the first operation, as a StoreException, not from here.
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        return new JdbcStore(pool, dialect, pool);
    }

    /** The store's data source: open a connection from it to enqueue in your own transaction. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String name() {
        return dialect.id();
    }

    @Override
    public void migrate() {
        migrator.migrate();
    }

    @Override
    public List<InsertedJob> jobInsert(JobInsertParams params) {
        if (params.jobs().isEmpty()) {
            return List.of();
        }
        return transactions.inCallerTransaction(
                "jobInsert", params.transaction(), c -> inserter.insert(c, params.jobs()));
    }

    @Override
    public List<ClaimedJob> jobClaim(JobClaimParams params) {
        if (params.readable().isEmpty()) {
            return List.of();
        }
        List<ClaimedJob> claimed = transactions.inTransaction("jobClaim", c -> switch (dialect) {
            case POSTGRESQL -> claimPostgres(c, params);
            case H2 -> claimH2(c, params);
        });
        claimed.sort(JobRows.CLAIM_ORDER);
        return claimed;
    }

    private List<ClaimedJob> claimPostgres(Connection c, JobClaimParams params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.claim(params.readable().size()))) {
            int p = bindPick(ps, params);
            Timestamps.set(ps, p++, params.now());
            ps.setString(p++, params.owner());
            Timestamps.set(ps, p, params.leaseExpiresAt());
            return claimedJobs(ps);
        }
    }

    private List<ClaimedJob> claimH2(Connection c, JobClaimParams params) throws SQLException {
        List<Long> ids;
        try (PreparedStatement ps = c.prepareStatement(sql.claim(params.readable().size()))) {
            bindPick(ps, params);
            ids = ids(ps);
        }
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.claimPicked(ids.size()))) {
            Timestamps.set(ps, 1, params.now());
            ps.setString(2, params.owner());
            Timestamps.set(ps, 3, params.leaseExpiresAt());
            bindIds(ps, 4, ids);
            return claimedJobs(ps);
        }
    }

    /** Binds queue, now, the readable ranges and the limit; returns the next parameter index. */
    private static int bindPick(PreparedStatement ps, JobClaimParams params) throws SQLException {
        int p = 1;
        ps.setString(p++, params.queue());
        Timestamps.set(ps, p++, params.now());
        for (ReadableRange r : params.readable()) {
            ps.setString(p++, r.type());
            ps.setInt(p++, r.minVersion());
            ps.setInt(p++, r.maxVersion());
        }
        ps.setInt(p++, params.limit());
        return p;
    }

    private static List<ClaimedJob> claimedJobs(PreparedStatement ps) throws SQLException {
        List<ClaimedJob> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(JobRows.claimed(rs));
            }
        }
        return jobs;
    }

    @Override
    public boolean jobComplete(JobCompleteParams params) {
        return transactions.inTransaction("jobComplete", c -> {
            if (params.delete()) {
                try (PreparedStatement ps = c.prepareStatement(Sql.COMPLETE_DELETE)) {
                    ps.setLong(1, params.id());
                    ps.setInt(2, params.attempt());
                    return ps.executeUpdate() == 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(Sql.COMPLETE_KEEP)) {
                Timestamps.set(ps, 1, params.finishedAt());
                ps.setLong(2, params.id());
                ps.setInt(3, params.attempt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean jobRetry(JobRetryParams params) {
        return transactions.inTransaction("jobRetry", c -> {
            try (PreparedStatement ps = c.prepareStatement(Sql.RETRY)) {
                Timestamps.set(ps, 1, params.runAt());
                ps.setString(2, params.error());
                ps.setLong(3, params.id());
                ps.setInt(4, params.attempt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean jobDead(JobDeadParams params) {
        return transactions.inTransaction("jobDead", c -> {
            try (PreparedStatement ps = c.prepareStatement(Sql.DEAD)) {
                Timestamps.set(ps, 1, params.finishedAt());
                ps.setString(2, params.error());
                ps.setLong(3, params.id());
                ps.setInt(4, params.attempt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int jobRelease(JobReleaseParams params) {
        if (params.jobs().isEmpty()) {
            return 0;
        }
        return transactions.inTransaction("jobRelease", c -> {
            try (PreparedStatement ps = c.prepareStatement(Sql.RELEASE)) {
                for (JobReleaseParams.JobAttempt job : params.jobs()) {
                    Timestamps.set(ps, 1, params.now());
                    ps.setLong(2, job.id());
                    ps.setInt(3, job.attempt());
                    ps.addBatch();
                }
                int released = 0;
                for (int n : ps.executeBatch()) {
                    released += Math.max(n, 0);
                }
                return released;
            }
        });
    }

    @Override
    public int jobLeaseExtend(JobLeaseExtendParams params) {
        return transactions.inTransaction("jobLeaseExtend", c -> {
            try (PreparedStatement ps = c.prepareStatement(Sql.LEASE_EXTEND)) {
                Timestamps.set(ps, 1, params.leaseExpiresAt());
                ps.setString(2, params.owner());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public JobRescueResult jobRescue(JobRescueParams params) {
        List<String> states = transactions.inTransaction("jobRescue", c -> {
            try (PreparedStatement pick = c.prepareStatement(sql.rescue())) {
                Timestamps.set(pick, 1, params.now());
                pick.setInt(2, params.limit());
                if (dialect == Dialect.POSTGRESQL) {
                    bindRescue(pick, 3, params);
                    return strings(pick);
                }
                List<Long> ids = ids(pick);
                if (ids.isEmpty()) {
                    return List.<String>of();
                }
                try (PreparedStatement update = c.prepareStatement(Sql.rescuePicked(ids.size()))) {
                    bindIds(update, bindRescue(update, 1, params), ids);
                    return strings(update);
                }
            }
        });
        int dead = (int) states.stream().filter(JobState.DEAD.code()::equals).count();
        return new JobRescueResult(states.size() - dead, dead);
    }

    private static int bindRescue(PreparedStatement ps, int p, JobRescueParams params) throws SQLException {
        Timestamps.set(ps, p++, params.now());
        Timestamps.set(ps, p++, params.now());
        ps.setString(p++, Sql.LAPSED_NOTE_PREFIX);
        ps.setString(p++, Sql.LAPSED_NOTE_SUFFIX);
        return p;
    }

    @Override
    public int jobPrune(JobPruneParams params) {
        return transactions.inTransaction("jobPrune", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.prune())) {
                ps.setString(1, params.state().code());
                Timestamps.set(ps, 2, params.finishedBefore());
                ps.setInt(3, params.limit());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<JobRecord> jobGet(long id) {
        return transactions.inTransaction("jobGet", c -> {
            try (PreparedStatement ps = c.prepareStatement(Sql.GET)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(JobRows.record(rs)) : Optional.<JobRecord>empty();
                }
            }
        });
    }

    @Override
    public List<JobRecord> jobList(JobListParams params) {
        return transactions.inTransaction("jobList", c -> {
            String text = Sql.list(
                    params.type() != null, params.queue() != null, params.state() != null, params.beforeId() != null);
            try (PreparedStatement ps = c.prepareStatement(text)) {
                int p = 1;
                if (params.type() != null) {
                    ps.setString(p++, params.type());
                }
                if (params.queue() != null) {
                    ps.setString(p++, params.queue());
                }
                if (params.state() != null) {
                    ps.setString(p++, params.state().code());
                }
                if (params.beforeId() != null) {
                    ps.setLong(p++, params.beforeId());
                }
                ps.setInt(p, params.limit());
                List<JobRecord> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(JobRows.record(rs));
                    }
                }
                return jobs;
            }
        });
    }

    @Override
    public List<JobCount> jobCount() {
        return transactions.inTransaction("jobCount", c -> {
            List<JobCount> counts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(Sql.COUNT);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(JobRows.count(rs));
                }
            }
            return counts;
        });
    }

    /** PostgreSQL: LISTEN/NOTIFY on a channel named after the current schema. H2: none, workers poll. */
    @Override
    public Optional<StoreListener> listener() {
        return dialect == Dialect.POSTGRESQL
                ? Optional.of(new PgListener(dataSource, channel, subscriptions))
                : Optional.empty();
    }

    /** Stops open listeners, and closes the pool if the store opened it. */
    @Override
    public void close() {
        for (PgListener.Subscription s : List.copyOf(subscriptions)) {
            s.close();
        }
        if (ownPool != null) {
            ownPool.close();
        }
    }

    @Override
    public String toString() {
        return "JdbcStore[" + dialect.id() + (ownPool != null ? ", " + ownPool.getJdbcUrl() : "") + "]";
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

    private static List<String> strings(PreparedStatement ps) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void bindIds(PreparedStatement ps, int first, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(first + i, ids.get(i));
        }
    }
}
