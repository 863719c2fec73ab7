package dev.baton.jdbc;

import dev.baton.StoreException;
import java.sql.SQLException;
import java.util.Set;

/** Turns SQLExceptions into StoreExceptions that say what to do. */
final class Errors {

    /** PostgreSQL's undefined_table, and H2's three flavours of table-not-found. */
    private static final Set<String> MISSING_TABLE = Set.of("42P01", "42S02", "42S03", "42S04");

    static final String UNIQUE_VIOLATION = "23505";

    private Errors() {}

    static StoreException wrap(String operation, SQLException e) {
        if (isMissingTable(e)) {
            return new StoreException(
                    operation,
                    "the Baton tables do not exist: the schema is not migrated. Call JdbcStore.migrate() (starting"
                            + " Baton does), or have a DBA apply the SQL printed by `baton schema --sql`. ("
                            + e.getMessage() + ")",
                    e);
        }
        return new StoreException(operation, describe(e), e);
    }

    /** The commit was sent and failed or went unanswered: it may have taken effect. */
    static StoreException commitUnknown(String operation, SQLException e) {
        return new StoreException(operation, "the commit failed or its answer was lost, so it may or may not have"
                + " taken effect: " + describe(e) + ". To retry an enqueue safely, give it a unique key"
                + " (EnqueueOptions.uniqueKey): a job that did commit is then reported as a duplicate.", e, true);
    }

    static boolean isMissingTable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && MISSING_TABLE.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    private static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        return e.getMessage() + state;
    }
}
