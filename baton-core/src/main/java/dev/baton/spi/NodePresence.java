package dev.baton.spi;

/**
 * One run of a node (one {@code start()} of one process): a fresh run id, and, where the store can, a
 * presence the database itself ends when the process dies. PostgreSQL holds a session-level advisory lock
 * keyed by the run id on a connection of its own; the moment the process dies, PostgreSQL closes the
 * connection, the lock goes, and every other node sees the run as gone. A store that cannot do this
 * says so ({@link #tiedToConnection()} is false) and liveness falls back to heartbeats and leases.
 */
public interface NodePresence extends AutoCloseable {

    /** Unique per run in this store; recorded on every job the run claims. */
    long runId();

    /** True when the store ends this presence by itself when the process dies. */
    boolean tiedToConnection();

    /**
     * Whether the presence holds now. A store whose presence can be lost (a terminated backend, a database
     * restart) takes it again by itself, at once. Called before every claim, so it must be cheap; never
     * throws. A run whose presence does not hold claims nothing: other nodes may be rescuing its jobs.
     */
    boolean refresh();

    /** Ends the presence: other nodes see the run as gone at once. Never throws. */
    @Override
    void close();
}
