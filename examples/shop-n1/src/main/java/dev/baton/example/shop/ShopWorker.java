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
 * Release N+1's handlers. Each does its small, deterministic piece of work and then records the run in
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

    /**
     * Serves the queues of release N+1 and runs every job type it has. The queue {@code mail} is gone from
     * the code: the store's contract history tells Baton that send-newsletter lived there, so its leftovers
     * are still claimed. cleanup-cache is retired (its record stays, marked @Retired, until it is drained),
     * so N's leftovers drain without running.
     */
    void register(WorkerSetup setup, int concurrency) {
        setup
                .queue("mailers", concurrency)
                .queue("default", concurrency)
                .queue("newsletters", concurrency)
                .handle(UserConfirmation.class, this::userConfirmation)
                .handle(ComputeFoobar.class, this::computeFoobar)
                .handle(DoSomething.class, this::doSomething)
                .handle(SendNewsletter.class, this::sendNewsletter)
                .handle(EmailConfirmation.class, this::emailConfirmation)
                .handle(ExportReport.class, this::exportReport)
                // Deleted in this release, and kept running until drained: N's web may still enqueue it during the
                // deploy, and a job a live node can run is never completed unrun (docs/evolution.md).
                .handle(CleanupCache.class, this::cleanupCache);
    }

    void userConfirmation(UserConfirmation job, JobContext ctx) throws SQLException {
        String mail = "To user " + job.userId() + ": " + job.message()
                + (job.date() == null ? "" : " (" + job.date() + ")");
        log.debug("{}: {}", ctx.type(), mail);
        handled(ctx, job);
    }

    void computeFoobar(ComputeFoobar job, JobContext ctx) throws SQLException {
        FoobarComputation.Computed computed = foobar.compute(job);
        log.debug("{}: group {} {} to {}{}: {} days computed", ctx.type(), job.groupId(), job.start(), job.end(),
                job.computePast() ? " (computePast)" : "", computed.days());
        handled(ctx, job);
    }

    void doSomething(DoSomething job, JobContext ctx) throws SQLException {
        log.debug("{}: {} {}", ctx.type(), job.arg1(), job.arg2());
        handled(ctx, job);
    }

    void sendNewsletter(SendNewsletter job, JobContext ctx) throws SQLException {
        log.debug("{}: issue {} to user {} (queue {})", ctx.type(), job.issue(), job.userId(), ctx.queue());
        handled(ctx, job);
    }

    void emailConfirmation(EmailConfirmation job, JobContext ctx) throws SQLException {
        log.debug("{}: user {}", ctx.type(), job.userId());
        handled(ctx, job);
    }

    void cleanupCache(CleanupCache job, JobContext ctx) throws SQLException {
        log.debug("{}: {} (retired: drained by its handler)", ctx.type(), job.key());
        handled(ctx, job);
    }

    void exportReport(ExportReport job, JobContext ctx) throws SQLException {
        String file = "report-" + job.reportId() + ".csv";
        log.debug("{}: wrote {}", ctx.type(), file);
        handled(ctx, job);
    }

    private void handled(JobContext ctx, Object job) throws SQLException {
        ExampleTables.recordHandled(dataSource, ctx, release, node, job);
    }
}
