package dev.baton.jdbc;

import dev.baton.spi.JobMoveQueueParams;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Moves pending jobs between queues ({@code baton queues migrate}). Running jobs stay where they are: they
 * are leased to a worker of the old queue, which finishes them.
 */
final class QueueMove {

    private static final String MOVE = "UPDATE baton_jobs SET queue = ? WHERE queue = ? AND " + Sql.CLAIMABLE;

    private final Dialect dialect;
    private final Transactions transactions;
    private final Channel channel;

    QueueMove(Dialect dialect, Transactions transactions, Channel channel) {
        this.dialect = dialect;
        this.transactions = transactions;
        this.channel = channel;
    }

    int move(JobMoveQueueParams params) {
        return transactions.inTransaction("jobMoveQueue", c -> {
            int moved;
            try (PreparedStatement ps = c.prepareStatement(MOVE + (params.type() == null ? "" : " AND type = ?"))) {
                ps.setString(1, params.toQueue());
                ps.setString(2, params.fromQueue());
                if (params.type() != null) {
                    ps.setString(3, params.type());
                }
                moved = ps.executeUpdate();
            }
            // Idle workers of the target queue would otherwise find the jobs only at their next poll.
            if (moved > 0 && dialect == Dialect.POSTGRESQL) {
                channel.notify(c, List.of(params.toQueue()));
            }
            return moved;
        });
    }
}
