package dev.baton.bench;

import dev.baton.bench.Results.Costs;
import java.lang.management.ManagementFactory;

/** Reads the JVM's CPU and the database's counters before a measurement, and per job after it. */
final class Meter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Counters counters;
    private final long jvmCpu;
    private final Long databaseCpu;
    private final Long transactions;

    private Meter(Counters counters) {
        this.counters = counters;
        this.transactions = counters.transactions();
        this.databaseCpu = counters.databaseCpuNanos();
        this.jvmCpu = OS.getProcessCpuTime();
    }

    /**
     * Call with the measured store open but idle, after {@link Counters#settle()} ran before it was opened, so
     * that the sessions of earlier steps (a preload) are not counted in this one.
     */
    static Meter start(Counters counters) {
        return new Meter(counters);
    }

    /** Call after the measured sessions are closed: their statistics reach the database when they end. */
    Costs stop(long jobs) {
        long jvmCpuNow = OS.getProcessCpuTime();
        counters.settle();
        Long databaseCpuNow = counters.databaseCpuNanos();
        Long transactionsNow = counters.transactions();
        double perJob = Math.max(jobs, 1);
        return new Costs(
                transactions == null || transactionsNow == null ? null : (transactionsNow - transactions) / perJob,
                (jvmCpuNow - jvmCpu) / 1000.0 / perJob,
                databaseCpu == null || databaseCpuNow == null ? null : (databaseCpuNow - databaseCpu) / 1000.0 / perJob);
    }
}
