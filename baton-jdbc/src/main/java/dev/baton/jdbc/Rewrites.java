package dev.baton.jdbc;

import dev.baton.spi.JobRewriteParams;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites waiting jobs in place (a rollback's downcast): rows are locked with SKIP LOCKED, so a claimer
 * or another node's rewrite is never waited for and no row is rewritten twice at once. The id stays, so
 * a job keeps its identity and history through the rewrite.
 */
final class Rewrites {

    private static final Logger log = LoggerFactory.getLogger(Rewrites.class);

    private static final String SELECT = "SELECT id, payload FROM baton_jobs WHERE type = ? AND version = ?"
            + " AND min_version > ? AND " + Sql.CLAIMABLE + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String UPDATE = "UPDATE baton_jobs SET type = ?, version = ?, min_version = ?, forms = NULL,"
            + " queue = ?, payload = ? WHERE id = ?";

    private final Dialect dialect;
    private final Transactions transactions;
    private final Channel channel;

    Rewrites(Dialect dialect, Transactions transactions, Channel channel) {
        this.dialect = dialect;
        this.transactions = transactions;
        this.channel = channel;
    }

    int rewrite(JobRewriteParams params) {
        return transactions.inTransaction("jobRewrite", c -> {
            int rewritten = 0;
            Set<String> queues = new LinkedHashSet<>();
            try (PreparedStatement select = c.prepareStatement(SELECT);
                    PreparedStatement update = c.prepareStatement(UPDATE)) {
                select.setString(1, params.type());
                select.setInt(2, params.version());
                select.setInt(3, params.readUpTo());
                select.setInt(4, params.limit());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        JobRewriteParams.Rewritten to = rewritten(params, id, rs.getString(2));
                        if (to == null) {
                            continue;
                        }
                        update.setString(1, to.type());
                        update.setInt(2, to.version());
                        update.setInt(3, to.version());
                        update.setString(4, to.queue());
                        update.setString(5, to.payload());
                        update.setLong(6, id);
                        update.addBatch();
                        queues.add(to.queue());
                        rewritten++;
                    }
                }
                if (rewritten > 0) {
                    update.executeBatch();
                }
            }
            if (rewritten > 0 && dialect == Dialect.POSTGRESQL) {
                channel.notify(c, queues.stream().toList());
            }
            return rewritten;
        });
    }

    /** One bad payload must not stop the others: it keeps its form and stays visible as stranded. */
    private static JobRewriteParams.Rewritten rewritten(JobRewriteParams params, long id, String payload) {
        try {
            return params.rewriter().rewrite(id, payload);
        } catch (RuntimeException e) {
            log.warn("job {} #{} v{} left as it is: rewriting it failed: {}", params.type(), id, params.version(),
                    e.toString());
            return null;
        }
    }
}
