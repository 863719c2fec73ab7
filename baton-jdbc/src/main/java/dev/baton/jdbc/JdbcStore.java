package dev.baton.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.ConfigException;
import dev.baton.StoreException;
import dev.baton.spi.ArchiveRestoreParams;
import dev.baton.spi.ArchivedJob;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.ContractRecord;
import dev.baton.spi.InsertedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobCompleteInTransactionParams;
import dev.baton.spi.JobCompleteAllParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobLeaseExtendParams;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobMoveQueueParams;
import dev.baton.spi.JobRewriteParams;
import dev.baton.spi.JobParkParams;
import dev.baton.spi.JobPruneParams;
import dev.baton.spi.JobPurgeParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobReleaseParams;
import dev.baton.spi.JobRescueParams;
import dev.baton.spi.JobRescueResult;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobStore;
import dev.baton.spi.NodePresence;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.PresenceOpenParams;
import dev.baton.spi.StoreListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
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

    /** The most connections a pool that the store opens itself may hold. */
    public static final int POOL_SIZE = 16;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final HikariDataSource ownPool;
    private final Transactions transactions;
    private final Sql sql;
    private final Channel channel;
    private final JobInserter inserter;
    private final Claims claims;
    private final Outcomes outcomes;
    private final Leases leases;
    private final Archive archive;
    private final QueueMove queueMove;
    private final Rewrites rewrites;
    private final Nodes nodes;
    private final Runs runs;
    private final Contracts contracts;
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
        this.claims = new Claims(dialect, sql, transactions, channel);
        this.outcomes = new Outcomes(transactions, dialect);
        this.leases = new Leases(transactions);
        this.archive = new Archive(dialect, transactions, channel);
        this.queueMove = new QueueMove(dialect, transactions, channel);
        this.rewrites = new Rewrites(dialect, transactions, channel);
        this.nodes = new Nodes(dialect, transactions, channel);
        this.runs = new Runs(dataSource, dialect, transactions, channel);
        this.contracts = new Contracts(dialect, transactions);
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
        // A node holds two connections for its life (presence, listener) and a transactional handler one
        // per running job; the pool grows to that on demand and shrinks back when idle.
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
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
        return claims.claim(params);
    }

    @Override
    public boolean jobComplete(JobCompleteParams params) {
        return outcomes.complete(params);
    }

    @Override
    public JobCompleteAllParams.Result jobCompleteAll(JobCompleteAllParams params) {
        return outcomes.completeAll(params);
    }

    @Override
    public boolean jobRetry(JobRetryParams params) {
        return outcomes.retry(params);
    }

    @Override
    public boolean jobDead(JobDeadParams params) {
        return outcomes.dead(params);
    }

    @Override
    public int jobRelease(JobReleaseParams params) {
        return outcomes.release(params);
    }

    @Override
    public int jobLeaseExtend(JobLeaseExtendParams params) {
        return leases.extend(params);
    }

    @Override
    public JobCompleteInTransactionParams.Result jobCompleteInTransaction(JobCompleteInTransactionParams params) {
        return outcomes.completeInTransaction(params);
    }

    @Override
    public JobRescueResult jobRescue(JobRescueParams params) {
        return claims.rescue(params);
    }

    @Override
    public int jobPrune(JobPruneParams params) {
        return transactions.inOneStatement("jobPrune", c -> {
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
        return transactions.inOneStatement("jobGet", c -> {
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
        return transactions.inOneStatement("jobList", c -> {
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
        return transactions.inOneStatement("jobCount", c -> {
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

    @Override
    public boolean jobPark(JobParkParams params) {
        return outcomes.park(params);
    }

    @Override
    public int jobPurge(JobPurgeParams params) {
        return archive.purge(params);
    }

    @Override
    public int jobRewrite(JobRewriteParams params) {
        return rewrites.rewrite(params);
    }

    @Override
    public int jobMoveQueue(JobMoveQueueParams params) {
        return queueMove.move(params);
    }

    @Override
    public List<ArchivedJob> archiveList(String type) {
        return archive.list(type);
    }

    @Override
    public int archiveRestore(ArchiveRestoreParams params) {
        return archive.restore(params);
    }

    /** PostgreSQL: an advisory lock on a connection of its own. H2: a run id, and leases as the only liveness. */
    @Override
    public NodePresence presenceOpen(PresenceOpenParams params) {
        return runs.open(params);
    }

    @Override
    public Instant storeTime() {
        return runs.storeTime();
    }

    @Override
    public void nodeRegister(NodeRecord node) {
        nodes.register(node);
    }

    @Override
    public boolean nodeHeartbeat(String nodeId, Instant at) {
        return nodes.heartbeat(nodeId, at);
    }

    @Override
    public void nodeRemove(String nodeId) {
        nodes.remove(nodeId);
    }

    @Override
    public List<NodeRecord> nodeList() {
        return nodes.list();
    }

    @Override
    public int nodePrune(Instant heartbeatBefore) {
        return nodes.prune(heartbeatBefore);
    }

    @Override
    public void contractRegister(List<ContractRecord> contracts) {
        this.contracts.register(contracts);
    }

    @Override
    public List<ContractRecord> contractList() {
        return contracts.list();
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
}
