package dev.baton.example.shop.common;

import dev.baton.BatonBuilder;
import dev.baton.JobContext;
import dev.baton.JobHandler;
import java.time.Duration;

/**
 * Where a release's worker declares its queues and handlers: a Baton node's builder, or the demo's
 * conventional queue, so that both run the very same handlers.
 */
public interface WorkerSetup {

    WorkerSetup queue(String name, int concurrency);

    <T> WorkerSetup handle(Class<T> type, JobHandler<? super T> handler);

    /**
     * Every handler declared through the result first works for {@code work}, as a job that calls a
     * service or writes a file does, so that a node stopped or killed mid-deploy has jobs running. An
     * interrupt (a timeout, a shutdown) ends the work early and fails the run.
     */
    default WorkerSetup working(Duration work) {
        if (work.isZero()) {
            return this;
        }
        WorkerSetup setup = this;
        return new WorkerSetup() {
            @Override
            public WorkerSetup queue(String name, int concurrency) {
                setup.queue(name, concurrency);
                return this;
            }

            @Override
            public <T> WorkerSetup handle(Class<T> type, JobHandler<? super T> handler) {
                setup.handle(type, (T job, JobContext context) -> {
                    Thread.sleep(work.toMillis());
                    handler.handle(job, context);
                });
                return this;
            }
        };
    }

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
