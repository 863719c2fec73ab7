package dev.baton.spi;

import java.util.List;
import java.util.Optional;

/**
 * The storage port. Every operation takes one parameter record and is one short transaction (or runs
 * in the caller's, where the parameters say so). Times come from the caller, so that one injected clock
 * drives a whole node and tests; in production that clock follows {@link #storeTime()}, so every node
 * decides ownership (leases, rescue, liveness) by the database's clock, not its own.
 *
 * <p>Every implementation runs the conformance suite in {@code baton-store-tests}. The SPI is not yet
 * stable: it may change in minor releases until 1.0.
 */
public interface JobStore extends AutoCloseable {

    /** A short name for logs and the CLI, for example {@code postgresql} or {@code h2}. */
    String name();

    /**
     * Creates or upgrades the schema to the version this store needs. Idempotent, and safe when several
     * nodes start at once.
     */
    void migrate();

    /** Inserts jobs and wakes listening workers when the insert commits. Results are in input order. */
    List<InsertedJob> jobInsert(JobInsertParams params);

    List<ClaimedJob> jobClaim(JobClaimParams params);

    /** @return false when the run no longer held the job (lease lapsed and taken over) */
    boolean jobComplete(JobCompleteParams params);

    /**
     * Completes a batch of runs in one statement, each fenced by its attempt. Atomic: either every run
     * still holding its job completes it, or (on a store error) none does, so a failed batch can be
     * written again as a whole.
     */
    JobCompleteAllParams.Result jobCompleteAll(JobCompleteAllParams params);

    /** @return false when the run no longer held the job */
    boolean jobRetry(JobRetryParams params);

    /** @return false when the run no longer held the job */
    boolean jobDead(JobDeadParams params);

    /** @return how many jobs were released */
    int jobRelease(JobReleaseParams params);

    /** @return how many leases were extended */
    int jobLeaseExtend(JobLeaseExtendParams params);

    /**
     * Runs the handler's work and the job's completion in one transaction: see
     * {@link JobCompleteInTransactionParams}. Failures of the work are returned, not thrown.
     *
     * @throws dev.baton.StoreException when the store itself fails (the commit's outcome may then be unknown)
     */
    JobCompleteInTransactionParams.Result jobCompleteInTransaction(JobCompleteInTransactionParams params);

    JobRescueResult jobRescue(JobRescueParams params);

    /** @return how many jobs were deleted */
    int jobPrune(JobPruneParams params);

    Optional<JobRecord> jobGet(long id);

    List<JobRecord> jobList(JobListParams params);

    /** Counts of every (type, version, queue, state) present, finished states included. */
    List<JobCount> jobCount();

    /** @return false when the run no longer held the job */
    boolean jobPark(JobParkParams params);

    /** @return how many jobs were rewritten */
    int jobRewrite(JobRewriteParams params);

    /** @return how many jobs were archived and removed */
    int jobPurge(JobPurgeParams params);

    /** @return how many jobs moved */
    int jobMoveQueue(JobMoveQueueParams params);

    /** The archived jobs of a type, oldest first. */
    List<ArchivedJob> archiveList(String type);

    /** @return how many archived jobs went back to the jobs table */
    int archiveRestore(ArchiveRestoreParams params);

    /**
     * Starts a run of a node: a fresh run id and, where the store can, a presence tied to a database
     * connection. The caller keeps it for the life of the run and closes it at the end.
     */
    NodePresence presenceOpen(PresenceOpenParams params);

    /** The database's current time: the one clock every node of the fleet shares. */
    java.time.Instant storeTime();

    /** Inserts or replaces the node's row (by id). */
    void nodeRegister(NodeRecord node);

    /** @return false when the node's row is gone (pruned after a long pause): register again */
    boolean nodeHeartbeat(String nodeId, java.time.Instant at);

    void nodeRemove(String nodeId);

    /**
     * Every registered node, live or not, with the state of its run's presence; liveness is the caller's
     * call, by {@link NodeRecord#liveAt}.
     */
    List<NodeRecord> nodeList();

    /** @return how many nodes whose last heartbeat is before {@code heartbeatBefore} were removed */
    int nodePrune(java.time.Instant heartbeatBefore);

    /** Records contracts not yet known by (type, version, fingerprint); known ones keep their first release. */
    void contractRegister(List<ContractRecord> contracts);

    /** Every contract ever registered, by type then version. */
    List<ContractRecord> contractList();

    /** Push wake-ups, when this store has them. */
    Optional<StoreListener> listener();

    /** Frees what the store opened itself; a data source passed in by the caller is left open. */
    @Override
    void close();
}
