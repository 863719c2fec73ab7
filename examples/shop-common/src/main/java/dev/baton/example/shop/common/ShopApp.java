package dev.baton.example.shop.common;

import dev.baton.Baton;
import dev.baton.jdbc.JdbcStore;
import java.util.Map;

/**
 * One release of the shop, as {@link ShopRunner} runs it: each release implements it by delegating to its
 * {@code dev.baton.example.shop.ShopRelease}, whose static methods have the same meaning (and stay what an
 * orchestrator calls by reflection).
 */
public interface ShopApp {

    /** "n" or "n+1". */
    String release();

    /**
     * Builds and starts a node of the given role ("web", "worker" or "both").
     *
     * @throws IllegalArgumentException for an unknown role or setting, or a bad setting value
     */
    ShopNode.Started start(JdbcStore store, String nodeId, String role, boolean protect, Map<String, String> settings);

    /**
     * Enqueues job number {@code sequence} of the release's traffic mix with its {@code example_enqueued} row.
     *
     * @return the job id
     */
    long enqueueNext(Baton web, JdbcStore store, long sequence);
}
