package dev.baton.storetest;

import dev.baton.spi.JobStore;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A store for the conformance suite, over a database (or schema) of its own that nothing else uses,
 * fresh and not yet migrated when handed out.
 */
public interface StoreUnderTest extends AutoCloseable {

    /** The store under test; the suite migrates it. */
    JobStore store();

    /**
     * A new connection to the same database and schema, autocommit off, for transactional-enqueue tests.
     * The caller closes it.
     */
    Connection openConnection() throws SQLException;

    /**
     * Another store over the same database and schema, as a second node would open it: its own pool, its
     * own state. The caller closes it.
     */
    JobStore openAnotherStore();

    /**
     * Empties every table the store writes (jobs, nodes, contracts, archive), so that each test starts
     * from an empty store.
     */
    void deleteAll() throws Exception;

    /** Closes the store and drops the database or schema. Unchecked, to be usable in try-with-resources anywhere. */
    @Override
    void close();
}
