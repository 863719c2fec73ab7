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
    static final int BATCH = 1_000;
    /** Bounds one prune tick, so that a large backlog is worked off over several ticks. */
    static final int MAX_BATCHES_PER_TICK = 20;
    static final int NODE_KEEP_TTLS = 120;

    private final NodeConfig config;

    Maintenance(NodeConfig config) {
        this.config = config;
    }

    /** Jobs of nodes that stopped heartbeating come back, or die if they have no attempts left. */
    void rescue() {
        try {
            JobRescueResult result = config.store().jobRescue(new JobRescueParams(config.clock().instant(), BATCH));
            if (result.total() > 0) {
                log.warn("rescued {} jobs whose lease lapsed: {} will run again, {} had no attempts left and are dead",
                        result.total(), result.retried(), result.dead());
            }
        } catch (RuntimeException e) {
            log.warn("rescue of lapsed leases failed, will try again: {}", e.toString());
        }
    }

    void prune() {
        Instant now = config.clock().instant();
        try {
            // Gone nodes stay listed (as not live) for a while, so that `baton fleet` shows what just left.
            config.store().nodePrune(now.minus(config.nodeTtl().multipliedBy(NODE_KEEP_TTLS)));
        } catch (RuntimeException e) {
            log.warn("pruning gone nodes failed, will try again: {}", e.toString());
        }
        if (!config.completedRetention().isZero()) {
            prune(JobState.COMPLETED, now.minus(config.completedRetention()));
        }
        if (config.deadRetention() != null) {
            prune(JobState.DEAD, now.minus(config.deadRetention()));
        }
    }

    private void prune(JobState state, Instant finishedBefore) {
        try {
            for (int i = 0; i < MAX_BATCHES_PER_TICK; i++) {
                int deleted = config.store().jobPrune(new JobPruneParams(state, finishedBefore, BATCH));
                if (deleted < BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("pruning {} jobs failed, will try again: {}", state.code(), e.toString());
        }
    }
}
