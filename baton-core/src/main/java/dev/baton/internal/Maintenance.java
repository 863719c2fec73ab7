package dev.baton.internal;

import dev.baton.spi.JobPruneParams;
import dev.baton.spi.JobRescueParams;
import dev.baton.spi.JobRescueResult;
import dev.baton.spi.JobState;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic store upkeep. Every node runs it: each statement is safe to run from several nodes at once,
 * so there is no leader to elect and nothing stops when one node goes.
 */
final class Maintenance {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    static final int RESCUE_BATCH = 1_000;
    static final int PRUNE_BATCH = 5_000;
    /**
     * Bounds one prune tick in time, not rows, so that pruning keeps up with any completion rate: a tick
     * that runs out of budget with rows left is followed at once by another.
     */
    static final long PRUNE_BUDGET_NANOS = 2_000_000_000L;
    static final int NODE_KEEP_TTLS = 120;

    private final NodeConfig config;

    Maintenance(NodeConfig config) {
        this.config = config;
    }

    /**
     * Jobs of runs that are over (process dead, lease lapsed) come back, or die if they have no attempts
     * left. @return how many jobs were rescued
     */
    int rescue() {
        try {
            JobRescueResult result = config.store().jobRescue(new JobRescueParams(config.clock().instant(), RESCUE_BATCH));
            if (result.total() > 0) {
                log.warn("rescued {} jobs whose run is over (its process died or its lease lapsed): {} will run again,"
                        + " {} had no attempts left and are dead", result.total(), result.retried(), result.dead());
            }
            return result.total();
        } catch (RuntimeException e) {
            log.warn("rescue of jobs whose run is over failed, will try again: {}", e.toString());
            return 0;
        }
    }

    /** @return true when the time budget ran out with rows left to prune */
    boolean prune() {
        Instant now = config.clock().instant();
        try {
            // Gone nodes stay listed (as not live) for a while, so that `baton fleet` shows what just left.
            config.store().nodePrune(now.minus(config.nodeTtl().multipliedBy(NODE_KEEP_TTLS)));
        } catch (RuntimeException e) {
            log.warn("pruning gone nodes failed, will try again: {}", e.toString());
        }
        long end = System.nanoTime() + PRUNE_BUDGET_NANOS;
        boolean more = false;
        if (!config.completedRetention().isZero()) {
            more = prune(JobState.COMPLETED, now.minus(config.completedRetention()), end);
        }
        if (config.deadRetention() != null) {
            more |= prune(JobState.DEAD, now.minus(config.deadRetention()), end);
        }
        return more;
    }

    private boolean prune(JobState state, Instant finishedBefore, long endNanos) {
        try {
            while (System.nanoTime() < endNanos) {
                int deleted = config.store().jobPrune(new JobPruneParams(state, finishedBefore, PRUNE_BATCH));
                if (deleted < PRUNE_BATCH) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("pruning {} jobs failed, will try again: {}", state.code(), e.toString());
            return false;
        }
    }
}
