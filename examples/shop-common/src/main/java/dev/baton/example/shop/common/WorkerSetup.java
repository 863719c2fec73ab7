package dev.baton.example.shop.common;

import dev.baton.BatonBuilder;
import dev.baton.JobHandler;

/**
 * Where a release's worker declares its queues and handlers: a Baton node's builder, or the demo's
 * conventional queue, so that both run the very same handlers.
 */
public interface WorkerSetup {

    WorkerSetup queue(String name, int concurrency);

    <T> WorkerSetup handle(Class<T> type, JobHandler<? super T> handler);

    /** A Baton node's builder. */
    static WorkerSetup of(BatonBuilder builder) {
        return new WorkerSetup() {
            @Override
            public WorkerSetup queue(String name, int concurrency) {
                builder.queue(name, concurrency);
                return this;
            }

            @Override
            public <T> WorkerSetup handle(Class<T> type, JobHandler<? super T> handler) {
                builder.handle(type, handler);
                return this;
            }
        };
    }
}
