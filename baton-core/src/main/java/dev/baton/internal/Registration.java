package dev.baton.internal;

import dev.baton.JobHandler;
import dev.baton.JobSettings;
import dev.baton.contract.Contract;

/**
 * A job type this node runs: what it is, its contract, who handles it, how, and which versions it reads
 * and writes.
 */
public record Registration<T>(JobTypeInfo info, Contract contract, JobHandler<? super T> handler, JobSettings settings,
        TypeEvolution evolution) {

    @SuppressWarnings("unchecked")
    public Class<T> recordClass() {
        return (Class<T>) info.recordClass();
    }
}
