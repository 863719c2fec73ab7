package dev.baton.cli.deploy;

import static dev.baton.cli.deploy.NodeSpec.N;
import static dev.baton.cli.deploy.NodeSpec.N1;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A rolling deploy from release N to N+1 (or back), as the steps an operator takes. Every scenario starts
 * on an empty store with the fleet of release N (one web node, two workers) and traffic running.
 *
 * @param name kebab-case, used in progress lines, tables and file names
 * @param title one line for people
 * @param initial the fleet before the deploy starts
 * @param steps the deploy itself, with the traffic phases between the moves
 */
public record Scenario(String name, String title, List<NodeSpec> initial, List<Step> steps) {

    public Scenario {
        initial = List.copyOf(initial);
        steps = List.copyOf(steps);
    }

    /** The scenarios of the demo, each phase of traffic made by {@code phase}. */
    public static List<Scenario> all(Supplier<Step> phase) {
        return List.of(webFirst(phase), workersFirst(phase), rollback(phase), rollbackWorkersFirst(phase),
                workerKilled(phase));
    }

    /** The order most deploys use (seed 001): web nodes first, then workers one by one. */
    public static Scenario webFirst(Supplier<Step> phase) {
        return new Builder(phase)
                .replace(NodeSpec.web(N), NodeSpec.web(N1))
                .replace(NodeSpec.worker(N, 1), NodeSpec.worker(N1, 1))
                .replace(NodeSpec.worker(N, 2), NodeSpec.worker(N1, 2))
                .build("web-first", "N+1 web first, then N+1 workers one by one");
    }

    /**
     * The order that avoids case 1 (new payloads reaching old workers), but not case 2. It is also the
     * delete-job case taken workers first: N's web keeps enqueuing cleanup-cache, which N+1 deletes, after
     * the last N worker has gone, and only N+1's kept handler can run it.
     */
    public static Scenario workersFirst(Supplier<Step> phase) {
        return new Builder(phase)
                .replace(NodeSpec.worker(N, 1), NodeSpec.worker(N1, 1))
                .replace(NodeSpec.worker(N, 2), NodeSpec.worker(N1, 2))
                .replace(NodeSpec.web(N), NodeSpec.web(N1))
                .build("workers-first", "N+1 workers one by one, then N+1 web (the deleted cleanup-cache, workers first)");
    }

    /**
     * Halfway through a web-first deploy (N+1 web, one N+1 worker, one N worker), the fleet goes back to N,
     * in the same order: web, then the worker. The N+1 worker leaves last on purpose: it is the only node
     * that runs export-report, the type N+1 added, so it stays until the N+1 web has stopped enqueuing them
     * and it has run those waiting. Taken the other way round (N+1 worker first), the export-report jobs
     * the N+1 web enqueues meanwhile wait for a worker that is gone: stranded, shown, never failed, until
     * N+1 returns; {@code baton check}'s plan says the same ("deploy workers before producers").
     */
    public static Scenario rollback(Supplier<Step> phase) {
        return new Builder(phase)
                .replace(NodeSpec.web(N), NodeSpec.web(N1))
                .replace(NodeSpec.worker(N, 1), NodeSpec.worker(N1, 1))
                .replace(NodeSpec.web(N1), NodeSpec.web(N))
                .replace(NodeSpec.worker(N1, 1), NodeSpec.worker(N, 1))
                .build("rollback", "web first to N+1 web + one N+1 worker, then back to N: web, then the worker");
    }

    /**
     * The rollback taken the other way round: the N+1 worker goes back first, while the N+1 web still
     * enqueues export-report, the type N+1 added. Those jobs have no live worker: Baton shows them as
     * stranded, with the reason, never failed, as `baton check` warned (new-type: workers before producers
     * on the way up is producers before workers on the way down). Then a node of N+1 returns and they run.
     */
    public static Scenario rollbackWorkersFirst(Supplier<Step> phase) {
        return new Builder(phase)
                .replace(NodeSpec.web(N), NodeSpec.web(N1))
                .replace(NodeSpec.worker(N, 1), NodeSpec.worker(N1, 1))
                .replace(NodeSpec.worker(N1, 1), NodeSpec.worker(N, 1))
                .showStranded()
                .replace(NodeSpec.web(N1), NodeSpec.web(N))
                .showStranded()
                .join(NodeSpec.worker(N1, 3))
                .build("rollback-workers-first", "as rollback, but back worker first; then an N+1 worker returns");
    }

    /**
     * Web first, but N worker-1 is killed the moment N+1 worker-1 has joined, mid-deploy, with jobs running
     * on it: with SIGKILL where nodes are processes ({@code baton simulate}), cut off from the store where
     * they share a JVM ({@code baton demo}).
     */
    public static Scenario workerKilled(Supplier<Step> phase) {
        return new Builder(phase)
                .replace(NodeSpec.web(N), NodeSpec.web(N1))
                .killAfterJoin(NodeSpec.worker(N, 1), NodeSpec.worker(N1, 1))
                .replace(NodeSpec.worker(N, 2), NodeSpec.worker(N1, 2))
                .build("worker-killed", "web first, and N worker-1 killed mid-deploy, jobs running on it");
    }

    private static final class Builder {

        private final Supplier<Step> phase;
        private final List<Step> steps = new ArrayList<>();

        Builder(Supplier<Step> phase) {
            this.phase = phase;
            steps.add(phase.get()); // steady state on N first
        }

        /** The new node joins before the old one leaves, as a rolling deploy does; then traffic runs. */
        Builder replace(NodeSpec leaving, NodeSpec joining) {
            steps.add(new Step.Start(joining));
            steps.add(new Step.Stop(leaving));
            steps.add(phase.get());
            return this;
        }

        /** The new node joins, then the old one is killed instead of leaving; then traffic runs. */
        Builder killAfterJoin(NodeSpec killed, NodeSpec joining) {
            steps.add(new Step.Start(joining));
            steps.add(new Step.Kill(killed));
            steps.add(phase.get());
            return this;
        }

        Builder showStranded() {
            steps.add(new Step.ShowStranded());
            return this;
        }

        /** A node joins and stays; then traffic runs. */
        Builder join(NodeSpec joining) {
            steps.add(new Step.Start(joining));
            steps.add(phase.get());
            return this;
        }

        Scenario build(String name, String title) {
            return new Scenario(name, title, List.of(NodeSpec.web(N), NodeSpec.worker(N, 1), NodeSpec.worker(N, 2)),
                    steps);
        }
    }
}
