package dev.baton.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs store operations in short transactions on pooled connections, or in the caller's. */
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
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                // A caller-owned pool may not reset this on return.
                if (autoCommit) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw Errors.wrap(operation, e);
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

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
