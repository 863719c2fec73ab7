package dev.baton.storetest;

import dev.baton.Baton;
import dev.baton.BatonBuilder;
import dev.baton.spi.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What the runtime suites share ({@link WorkerConformanceTest}, {@link WorkerNodeConformanceTest},
 * {@link EvolutionConformanceTest}): a subclass supplies the store; this class opens it once per class and
 * migrates it, empties it and sets a fresh {@link SettableClock} at {@link #START} before each test, and
 * after each test shuts down the Baton nodes the test started through {@link #started} and closes the
 * stores it opened through {@link #anotherStore}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RuntimeConformanceBase {

    /** Where the test clock stands at the start of each test. */
    protected static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    /** The store under test's fixture, for connections of the test's own. */
    protected StoreUnderTest fixture;
    /** The store under test, migrated and empty at the start of each test. */
    protected JobStore store;
    /** The clock nodes are built with; it moves only when the test moves it. */
    protected SettableClock clock;

    /** Every node started in the current test, in order, stopped or not. */
    private final List<Baton> everyNode = new ArrayList<>();
    /** The nodes of the current test not stopped yet. */
    private final List<Baton> running = new ArrayList<>();
    private final List<JobStore> otherStores = new ArrayList<>();

    /** A store over a fresh, empty, unmigrated database or schema of its own. Called once per class. */
    protected abstract StoreUnderTest open() throws Exception;

    /** How long {@link #stopNode} and the end of each test let a node's running jobs finish. */
    protected Duration nodeShutdownDeadline() {
        return Duration.ofSeconds(5);
    }

    @BeforeAll
    final void openStore() throws Exception {
        fixture = open();
        store = fixture.store();
        store.migrate();
    }

    @AfterAll
    final void closeStore() throws Exception {
        fixture.close();
    }

    @BeforeEach
    final void resetStore() throws Exception {
        clock = new SettableClock(START);
        fixture.deleteAll();
    }

    @AfterEach
    final void stopNodes() {
        new ArrayList<>(running).forEach(this::stopNode);
        everyNode.clear();
        otherStores.forEach(JobStore::close);
        otherStores.clear();
    }

    /** Builds and starts a node, shut down at the end of the test unless the test stops it first. */
    protected Baton started(BatonBuilder builder) {
        Baton node = builder.build();
        everyNode.add(node);
        running.add(node);
        return node.start();
    }

    /** Shuts down a node from {@link #started} within {@link #nodeShutdownDeadline}; once only. */
    protected void stopNode(Baton node) {
        if (running.remove(node)) {
            node.shutdown(nodeShutdownDeadline());
        }
    }

    /** Every node {@link #started} in the current test, stopped ones included, in start order. */
    protected List<Baton> everyNode() {
        return Collections.unmodifiableList(everyNode);
    }

    /** A second store over the same database, with its own pool: what another process would have. */
    protected JobStore anotherStore() {
        JobStore other = fixture.openAnotherStore();
        otherStores.add(other);
        return other;
    }
}
