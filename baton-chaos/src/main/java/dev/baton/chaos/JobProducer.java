package dev.baton.chaos;

import dev.baton.Baton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Enqueues at a steady rate, in small batches, each in a transaction of its own that also writes the
 * keys to {@code chaos_enqueued}: the record and Baton's jobs commit together or not at all. A batch that
 * fails under a fault is rolled back, counted and left behind; the next batch goes on.
 */
final class JobProducer {

    static final int MIN_WORK_MILLIS = 20;
    static final int MAX_WORK_MILLIS = 300;
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** After a stall (a restart) the producer carries on at its rate instead of bursting to catch up. */
    private static final long MAX_LAG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Baton baton;
    private final DataSource dataSource;
    private final int perBatch;
    private final Random random;
    private final Thread thread;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong failedJobs = new AtomicLong();
    private final List<String> errors = new ArrayList<>();
    private volatile boolean stopping;
    private long next;

    JobProducer(Baton baton, DataSource dataSource, int perSecond, Random random) {
        this.baton = baton;
        this.dataSource = dataSource;
        this.perBatch = Math.max(1, perSecond / 10);
        this.random = random;
        this.thread = new Thread(this::run, "chaos-producer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Jobs whose commit was acknowledged. */
    long committed() {
        return committed.get();
    }

    /** Transactions that failed and were rolled back (or whose commit was not acknowledged). */
    long failedBatches() {
        return failedBatches.get();
    }

    long failedJobs() {
        return failedJobs.get();
    }

    /** The first few distinct failure messages, for the report. */
    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** Stops after the batch in progress, waiting a bounded time for it. */
    void stop() throws InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(60));
    }

    private void run() {
        long deadline = System.nanoTime();
        while (!stopping) {
            deadline += BATCH_NANOS;
            long now = System.nanoTime();
            if (now - deadline > MAX_LAG_NANOS) {
                deadline = now;
            }
            enqueueBatch();
            long left;
            while ((left = deadline - System.nanoTime()) > 0 && !stopping) {
                LockSupport.parkNanos(left);
            }
        }
    }

    private void enqueueBatch() {
        List<Object> jobs = new ArrayList<>(perBatch);
        List<String[]> rows = new ArrayList<>(perBatch);
        for (int i = 0; i < perBatch; i++) {
            String key = String.format("k%07d", ++next);
            int work = MIN_WORK_MILLIS + random.nextInt(MAX_WORK_MILLIS - MIN_WORK_MILLIS + 1);
            boolean plain = random.nextBoolean();
            jobs.add(plain ? new ChaosPlain(key, work) : new ChaosTx(key, work));
            rows.add(new String[] {key, plain ? Kind.PLAIN.label() : Kind.TX.label()});
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement ps = connection.prepareStatement(RecordTables.INSERT_ENQUEUED)) {
                    for (String[] row : rows) {
                        ps.setString(1, row[0]);
                        ps.setString(2, row[1]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                baton.enqueueAll(connection, jobs);
                connection.commit();
                committed.addAndGet(jobs.size());
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                failed(jobs.size(), e);
            }
            // No reset of autocommit: the pool restores it when the connection goes back.
        } catch (SQLException | RuntimeException e) {
            failed(jobs.size(), e);
        }
    }

    private void failed(int jobs, Exception e) {
        failedBatches.incrementAndGet();
        failedJobs.addAndGet(jobs);
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        synchronized (this) {
            if (errors.size() < 5 && errors.stream().noneMatch(message::equals)) {
                errors.add(message);
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the server rolls the transaction back when the session ends.
        }
    }
}
