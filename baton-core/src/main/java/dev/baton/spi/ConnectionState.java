package dev.baton.spi;

/** What the store knows of a node's presence connection (see {@link NodePresence}). */
public enum ConnectionState {
    /** The run's presence is held: the process is alive and connected. */
    CONNECTED,
    /** The run's presence is gone: the process died or lost its connection. */
    GONE,
    /** The store does not tie runs to connections (H2): heartbeats alone decide. */
    NOT_TRACKED
}
