package dev.baton.bench;

import dev.baton.Baton;
import dev.baton.jdbc.JdbcStore;

/**
 * The nodes of a latency run on a fresh store: a started worker whose handler times each job's start, and the
 * producer that enqueues, another node with a store (and pool) of its own where the target says so.
 */
final class LatencyRig implements AutoCloseable {

    private final StoreLocation location;
    private final JdbcStore workerStore;
    private final JdbcStore producerStore;
    private final Recorder recorder = new Recorder(true);
    private final Baton worker;
    private final Baton producer;

    private LatencyRig(BenchTarget target, BenchSettings settings, String label) {
        this.location = target.fresh(label);
        this.workerStore = location.open();
        this.worker = Nodes.worker(workerStore, settings.workers(), recorder, null).start();
        if (target.latencyFromAnotherNode()) {
            this.producerStore = location.open();
            this.producer = Nodes.producer(producerStore);
        } else {
            this.producerStore = null;
            this.producer = worker;
        }
    }

    static LatencyRig open(BenchTarget target, BenchSettings settings, String label) {
        return new LatencyRig(target, settings, label);
    }

    Recorder recorder() {
        return recorder;
    }

    Baton producer() {
        return producer;
    }

    /** Which node enqueues, and so how the worker hears of the job, for the output. */
    String producerDescription() {
        return producerStore != null ? "another node, woken through the store (LISTEN/NOTIFY)"
                : "the worker node itself, which wakes its own fetcher";
    }

    @Override
    public void close() {
        try {
            if (producer != worker) {
                producer.close();
            }
            worker.close();
        } finally {
            if (producerStore != null) {
                producerStore.close();
            }
            workerStore.close();
            location.close();
        }
    }
}
