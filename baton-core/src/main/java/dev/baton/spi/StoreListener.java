package dev.baton.spi;

import java.util.function.Consumer;

/**
 * Push wake-ups from the store: a store that can tell when jobs were inserted (PostgreSQL's
 * LISTEN/NOTIFY) saves workers from polling for them. Stores that cannot return no listener from
 * {@link JobStore#listener()} and workers fall back to polling.
 */
public interface StoreListener {

    /**
     * Starts delivering the names of queues that received jobs, on a thread of the store's. Delivery is
     * a hint: it may repeat, be late, or be lost across a reconnect, so workers still poll.
     *
     * @return closing it stops delivery and frees the connection
     */
    AutoCloseable listen(Consumer<String> queueWoken);
}
