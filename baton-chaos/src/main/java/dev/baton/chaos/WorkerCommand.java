package dev.baton.chaos;

import dev.baton.Baton;
import dev.baton.jdbc.JdbcStore;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One worker JVM: serves queue "chaos" with Baton's default timings (the run measures the defaults) and
 * records each start and effect in the run's own tables. Runs until SIGTERM (graceful) or SIGKILL.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "A worker JVM of a chaos run; the run command starts these.")
final class WorkerCommand implements Callable<Integer> {

    static final String QUEUE = "chaos";
    static final int CONCURRENCY = 8;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL", description = "The run's URL, with currentSchema.")
    String jdbcUrl;

    @Option(names = "--node-id", required = true, paramLabel = "ID")
    String nodeId;

    @Override
    public Integer call() throws InterruptedException {
        JdbcStore store = JdbcStore.connect(jdbcUrl);
        Recorder recorder = new Recorder(jdbcUrl);
        Baton baton = Baton.builder().store(store).release("chaos").nodeId(nodeId)
                .queue(QUEUE, CONCURRENCY)
                .handle(ChaosPlain.class, (job, ctx) -> {
                    recorder.started(job.key(), ctx.attempt(), ctx.id());
                    SimulatedWork.perform(job.workMillis(), ctx);
                    recorder.effect(job.key(), Kind.PLAIN.label());
                })
                .handleInTransaction(ChaosTx.class, (job, ctx, transaction) -> {
                    recorder.started(job.key(), ctx.attempt(), ctx.id());
                    SimulatedWork.perform(job.workMillis(), ctx);
                    Recorder.effect(transaction, job.key(), Kind.TX.label());
                })
                .build()
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                baton.close();
            } finally {
                recorder.close();
                store.close();
                stopped.countDown();
            }
        }, "chaos-worker-stop"));
        // The orchestrator waits for this line before it counts the worker as up.
        System.out.println("started " + nodeId + " pid " + Recorder.pid());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
