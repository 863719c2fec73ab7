package dev.baton.jdbc;

import dev.baton.spi.NodePresence;
import dev.baton.spi.PresenceOpenParams;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/** Runs of nodes: fresh run ids from the {@code baton_runs} sequence, their presences, and the shared clock. */
final class Runs {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Transactions transactions;
    private final Channel channel;

    Runs(DataSource dataSource, Dialect dialect, Transactions transactions, Channel channel) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.transactions = transactions;
        this.channel = channel;
    }

    NodePresence open(PresenceOpenParams params) {
        long runId = transactions.inTransaction("presenceOpen", c -> {
            try (PreparedStatement ps = c.prepareStatement(dialect == Dialect.POSTGRESQL
                    ? "SELECT nextval('baton_runs')" : "SELECT NEXT VALUE FOR baton_runs");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (dialect != Dialect.POSTGRESQL) {
            return new LeasePresence(runId);
        }
        try {
            return PgPresence.open(dataSource, channel.lockSpace(), runId);
        } catch (SQLException e) {
            throw Errors.wrap("presenceOpen", e);
        }
    }

    /** The database's clock: {@code clock_timestamp()} on PostgreSQL, not the transaction's start time. */
    Instant storeTime() {
        return transactions.inTransaction("storeTime", c -> {
            try (PreparedStatement ps = c.prepareStatement(dialect == Dialect.POSTGRESQL
                    ? "SELECT clock_timestamp()" : "SELECT CURRENT_TIMESTAMP(6)");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        });
    }
}
