package dev.baton.example.shop;

import dev.baton.JobContext;
import dev.baton.example.shop.common.ExampleTables;
import dev.baton.example.shop.common.WorkerSetup;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Release N's handlers. Each does its small, deterministic piece of work and then records the run in
 * {@code example_handled}, in a short transaction of its own.
 */
final class ShopWorker {

    private static final Logger log = LoggerFactory.getLogger(ShopWorker.class);

    private final DataSource dataSource;
    private final String release;
    private final String node;
    private final FoobarComputation foobar;

    ShopWorker(DataSource dataSource, String release, String node, Clock clock) {
        this.dataSource = dataSource;
        this.release = release;
        this.node = node;
        this.foobar = new FoobarComputation(clock);
    }

    /** Serves the queues of release N and runs every job type it has. */
    void register(WorkerSetup setup, int concurrency) {
        setup
                .queue("mailers", concurrency)
                .queue("default", concurrency)
                .queue("mail", concurrency)
                .handle(UserConfirmation.class, this::userConfirmation)
                .handle(ComputeFoobar.class, this::computeFoobar)
                .handle(DoSomething.class, this::doSomething)
                .handle(CleanupCache.class, this::cleanupCache)
                .handle(SendNewsletter.class, this::sendNewsletter)
                .handle(ConfirmEmail.class, this::confirmEmail);
    }

    void userConfirmation(UserConfirmation job, JobContext ctx) throws SQLException {
        String mail = "To user " + job.userId() + ": " + job.message();
        log.debug("{}: {}", ctx.type(), mail);
        handled(ctx, job);
    }

    void computeFoobar(ComputeFoobar job, JobContext ctx) throws SQLException {
        FoobarComputation.Computed computed = foobar.compute(job);
        log.debug("{}: group {} {} to {}: {} days computed", ctx.type(), job.groupId(), job.start(), job.end(),
                computed.days());
        handled(ctx, job);
    }

    void doSomething(DoSomething job, JobContext ctx) throws SQLException {
        log.debug("{}: {}", ctx.type(), job.arg1());
        handled(ctx, job);
    }

    void cleanupCache(CleanupCache job, JobContext ctx) throws SQLException {
        log.debug("{}: evicted {}", ctx.type(), job.key());
        handled(ctx, job);
    }

    void sendNewsletter(SendNewsletter job, JobContext ctx) throws SQLException {
        log.debug("{}: issue {} to user {} (queue {})", ctx.type(), job.issue(), job.userId(), ctx.queue());
        handled(ctx, job);
    }

    void confirmEmail(ConfirmEmail job, JobContext ctx) throws SQLException {
        log.debug("{}: user {}", ctx.type(), job.userId());
        handled(ctx, job);
    }

    private void handled(JobContext ctx, Object job) throws SQLException {
        ExampleTables.recordHandled(dataSource, ctx, release, node, job);
    }
}
