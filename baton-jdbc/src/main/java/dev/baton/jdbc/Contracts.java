package dev.baton.jdbc;

import dev.baton.spi.ContractRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The contract history, {@code baton_contracts}: rows are only ever added, so the release that registered
 * a contract first stays on record however many nodes register it again.
 */
final class Contracts {

    private static final String COLUMNS = "type, version, fingerprint, queue, contract, release, registered_at";

    private static final String REGISTER_POSTGRES = "INSERT INTO baton_contracts (" + COLUMNS + ") VALUES ("
            + Sql.placeholders(7) + ") ON CONFLICT (type, version, fingerprint) DO NOTHING";

    /**
     * MERGE would overwrite the first release. NOT EXISTS skips known rows cheaply; a row another node
     * inserts at the same moment still raises a unique violation, caught per row.
     */
    private static final String REGISTER_H2 = "INSERT INTO baton_contracts (" + COLUMNS + ") SELECT "
            + Sql.placeholders(7) + " FROM (VALUES 1) WHERE NOT EXISTS (SELECT 1 FROM baton_contracts"
            + " WHERE type = ? AND version = ? AND fingerprint = ?)";

    private static final String LIST = "SELECT " + COLUMNS + " FROM baton_contracts"
            + " ORDER BY type, version, registered_at, fingerprint";

    /**
     * Two nodes inserting the same keys in different orders could each wait for a row the other holds:
     * in one global order, the later one only ever waits.
     */
    private static final Comparator<ContractRecord> KEY_ORDER = Comparator.comparing(ContractRecord::type)
            .thenComparingInt(ContractRecord::version)
            .thenComparing(ContractRecord::fingerprint);

    private final Dialect dialect;
    private final Transactions transactions;

    Contracts(Dialect dialect, Transactions transactions) {
        this.dialect = dialect;
        this.transactions = transactions;
    }

    void register(List<ContractRecord> contracts) {
        if (contracts.isEmpty()) {
            return;
        }
        List<ContractRecord> ordered = contracts.stream().sorted(KEY_ORDER).toList();
        transactions.inTransaction("contractRegister", c -> {
            switch (dialect) {
                case POSTGRESQL -> registerPostgres(c, ordered);
                case H2 -> registerH2(c, ordered);
            }
            return null;
        });
    }

    private static void registerPostgres(Connection c, List<ContractRecord> contracts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REGISTER_POSTGRES)) {
            for (ContractRecord contract : contracts) {
                bind(ps, contract);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** H2 rolls back only the failing statement, so a duplicate leaves the rest of the transaction intact. */
    private static void registerH2(Connection c, List<ContractRecord> contracts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REGISTER_H2)) {
            for (ContractRecord contract : contracts) {
                int p = bind(ps, contract);
                ps.setString(p++, contract.type());
                ps.setInt(p++, contract.version());
                ps.setString(p, contract.fingerprint());
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!Errors.isUniqueViolation(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static int bind(PreparedStatement ps, ContractRecord contract) throws SQLException {
        ps.setString(1, contract.type());
        ps.setInt(2, contract.version());
        ps.setString(3, contract.fingerprint());
        ps.setString(4, contract.queue());
        ps.setString(5, contract.contract());
        ps.setString(6, contract.release());
        Timestamps.set(ps, 7, contract.registeredAt());
        return 8;
    }

    List<ContractRecord> list() {
        return transactions.inTransaction("contractList", c -> {
            List<ContractRecord> contracts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LIST);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    contracts.add(new ContractRecord(
                            rs.getString("type"),
                            rs.getInt("version"),
                            rs.getString("fingerprint"),
                            rs.getString("queue"),
                            rs.getString("contract"),
                            rs.getString("release"),
                            Timestamps.get(rs, "registered_at")));
                }
            }
            return contracts;
        });
    }
}
