package dev.baton.bench;

import dev.baton.jdbc.JdbcStore;

/** An empty place for one measurement's store: a PostgreSQL schema or an H2 directory. */
interface StoreLocation extends AutoCloseable {

    /** A new store with a connection pool of its own over this location, as a separate node would open. */
    JdbcStore open();

    /** Drops the schema or deletes the directory; every store opened on it must be closed first. */
    @Override
    void close();
}
