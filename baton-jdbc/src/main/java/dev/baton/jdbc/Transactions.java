package dev.baton.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs store operations in short transactions on pooled connections, or in the caller's. When a
 * connection breaks mid-operation, the error reported is the database's own, never a failure of the
 * cleanup that follows (a rollback or close on a dead connection).
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in a new transaction on a pooled connection and commits it. */
    <T> T inTransaction(String operation, Work<T> work) {
        Connection c = connect(operation);
        try {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
            try {
                c.commit();
            } catch (SQLException e) {
                throw Errors.commitUnknown(operation, e);
            }
            // A caller-owned pool may not reset this on return. Only on success: a broken connection
            // would report its brokenness here instead of the real error.
            if (autoCommit) {
                c.setAutoCommit(true);
            }
            return result;
        } catch (SQLException e) {
            throw Errors.wrap(operation, e);
        } finally {
            closeQuietly(c);
        }
    }

    /**
     * Runs one statement on a pooled connection in autocommit: a single statement is atomic by itself,
     * and this saves the round trips of BEGIN and COMMIT. On a pool whose connections do not autocommit,
     * falls back to a transaction. A connection that breaks mid-statement leaves the outcome unknown, as
     * a failed commit does.
     */
    <T> T inOneStatement(String operation, Work<T> work) {
        Connection c = connect(operation);
        boolean autoCommit;
        try {
            autoCommit = c.getAutoCommit();
        } catch (SQLException e) {
            closeQuietly(c);
            throw Errors.wrap(operation, e);
        }
        if (!autoCommit) {
            closeQuietly(c);
            return inTransaction(operation, work);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw Errors.wrap(operation, e);
        } finally {
            closeQuietly(c);
        }
    }

    /**
     * Runs {@code work} on the caller's connection when there is one, leaving commit, rollback and close
     * to the caller, else in a transaction of our own.
     */
    <T> T inCallerTransaction(String operation, Connection caller, Work<T> work) {
        if (caller == null) {
            return inTransaction(operation, work);
        }
        try {
            return work.run(caller);
        } catch (SQLException e) {
            throw Errors.wrap(operation, e);
        }
    }

    Connection connect(String operation) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw Errors.wrap(operation, e);
        }
    }

    static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // The connection is gone; the pool replaces it. Whatever failed before is what gets reported.
        }
    }
}
