package dev.baton.jdbc;

import dev.baton.spi.ConnectionState;
import dev.baton.spi.NodeRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet table, {@code baton_nodes}: one row per node, replaced on register, touched by heartbeats. On
 * PostgreSQL a listing also tells whether each node's run still holds its presence lock.
 */
final class Nodes {

    private static final String COLUMNS = "id, release, host, role, queues, types, started_at, heartbeat_at, run_id";

    private static final String REGISTER_POSTGRES = "INSERT INTO baton_nodes (" + COLUMNS + ") VALUES ("
            + Sql.placeholders(9) + ") ON CONFLICT (id) DO UPDATE SET release = EXCLUDED.release,"
            + " host = EXCLUDED.host, role = EXCLUDED.role, queues = EXCLUDED.queues, types = EXCLUDED.types,"
            + " started_at = EXCLUDED.started_at, heartbeat_at = EXCLUDED.heartbeat_at, run_id = EXCLUDED.run_id";

    private static final String REGISTER_H2 =
            "MERGE INTO baton_nodes (" + COLUMNS + ") KEY (id) VALUES (" + Sql.placeholders(9) + ")";

    private static final String HEARTBEAT = "UPDATE baton_nodes SET heartbeat_at = ? WHERE id = ?";

    private static final String REMOVE = "DELETE FROM baton_nodes WHERE id = ?";

    private static final String LIST_H2 = "SELECT " + COLUMNS + " FROM baton_nodes ORDER BY id";

    /** Parameter: the lock space. */
    private static final String LIST_POSTGRES = "SELECT " + COLUMNS + ", " + Sql.RUN_PRESENT + " AS connected"
            + " FROM baton_nodes ORDER BY id";

    private static final String PRUNE = "DELETE FROM baton_nodes WHERE heartbeat_at < ?";

    private final Dialect dialect;
    private final Transactions transactions;
    private final Channel channel;

    Nodes(Dialect dialect, Transactions transactions, Channel channel) {
        this.dialect = dialect;
        this.transactions = transactions;
        this.channel = channel;
    }

    void register(NodeRecord node) {
        transactions.inTransaction("nodeRegister", c -> {
            String text = dialect == Dialect.POSTGRESQL ? REGISTER_POSTGRES : REGISTER_H2;
            try (PreparedStatement ps = c.prepareStatement(text)) {
                ps.setString(1, node.id());
                ps.setString(2, node.release());
                ps.setString(3, node.host());
                ps.setString(4, node.role());
                ps.setString(5, NodeJson.write(node.queues()));
                ps.setString(6, NodeJson.write(node.types()));
                Timestamps.set(ps, 7, node.startedAt());
                Timestamps.set(ps, 8, node.heartbeatAt());
                if (node.runId() > 0) {
                    ps.setLong(9, node.runId());
                } else {
                    ps.setNull(9, java.sql.Types.BIGINT);
                }
                return ps.executeUpdate();
            }
        });
    }

    boolean heartbeat(String nodeId, Instant at) {
        return transactions.inOneStatement("nodeHeartbeat", c -> {
            try (PreparedStatement ps = c.prepareStatement(HEARTBEAT)) {
                Timestamps.set(ps, 1, at);
                ps.setString(2, nodeId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    void remove(String nodeId) {
        transactions.inOneStatement("nodeRemove", c -> {
            try (PreparedStatement ps = c.prepareStatement(REMOVE)) {
                ps.setString(1, nodeId);
                return ps.executeUpdate();
            }
        });
    }

    List<NodeRecord> list() {
        return transactions.inOneStatement("nodeList", c -> {
            List<NodeRecord> nodes = new ArrayList<>();
            boolean postgres = dialect == Dialect.POSTGRESQL;
            try (PreparedStatement ps = c.prepareStatement(postgres ? LIST_POSTGRES : LIST_H2)) {
                if (postgres) {
                    ps.setInt(1, channel.lockSpace());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        nodes.add(node(rs, postgres));
                    }
                }
            }
            return nodes;
        });
    }

    int prune(Instant heartbeatBefore) {
        return transactions.inTransaction("nodePrune", c -> {
            try (PreparedStatement ps = c.prepareStatement(PRUNE)) {
                Timestamps.set(ps, 1, heartbeatBefore);
                return ps.executeUpdate();
            }
        });
    }

    private static NodeRecord node(ResultSet rs, boolean postgres) throws SQLException {
        String id = rs.getString("id");
        long runId = rs.getLong("run_id");
        boolean tracked = postgres && !rs.wasNull();
        ConnectionState connection = !tracked ? ConnectionState.NOT_TRACKED
                : rs.getBoolean("connected") ? ConnectionState.CONNECTED : ConnectionState.GONE;
        return new NodeRecord(
                id,
                runId,
                rs.getString("release"),
                rs.getString("host"),
                rs.getString("role"),
                NodeJson.queues(id, rs.getString("queues")),
                NodeJson.types(id, rs.getString("types")),
                Timestamps.get(rs, "started_at"),
                Timestamps.get(rs, "heartbeat_at"),
                connection);
    }
}
