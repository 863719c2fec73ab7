package dev.baton.jdbc;

import dev.baton.spi.NodePresence;

/**
 * A run on a store that cannot tie it to a connection (H2): a run id and nothing else. Heartbeats and
 * leases alone tell whether the run is alive.
 */
record LeasePresence(long runId) implements NodePresence {

    @Override
    public boolean tiedToConnection() {
        return false;
    }

    @Override
    public boolean refresh() {
        return true;
    }

    @Override
    public void close() {}
}
