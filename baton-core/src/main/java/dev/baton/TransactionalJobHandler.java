package dev.baton;

import java.sql.Connection;

/**
 * Runs one job inside a database transaction that also records the job's completion: the handler's own
 * writes on {@code transaction} and the job's completion commit together, or not at all. This is how a
 * job gets an exactly-once effect for work in the same database as the store: a crash before the commit
 * leaves neither the effect nor the completion, so the job runs again from a clean state; a crash after
 * it leaves both, so it does not run again.
 *
 * <p>The handler must not commit, roll back or close {@code transaction}. Returning normally commits;
 * throwing rolls back and counts a failed attempt, retried with backoff as for {@link JobHandler}. If the
 * run no longer holds the job when it commits (its lease lapsed and another run took it), Baton rolls the
 * transaction back, so the handler's writes are undone and only the newer run's effect remains.
 *
 * <p>Register it with {@link BatonBuilder#handleInTransaction(Class, TransactionalJobHandler)}. The store
 * must support it ({@code JdbcStore} on PostgreSQL and H2 does).
 *
 * @param <T> the job's record type
 */
@FunctionalInterface
public interface TransactionalJobHandler<T> {

    void handle(T job, JobContext context, Connection transaction) throws Exception;
}
