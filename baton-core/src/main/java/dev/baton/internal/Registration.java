package dev.baton.internal;

import dev.baton.JobHandler;
import dev.baton.JobSettings;
import dev.baton.TransactionalJobHandler;
import dev.baton.contract.Contract;

/**
 * A job type this node runs: what it is, its contract, who handles it, how, and which versions it reads
 * and writes. Exactly one of {@code handler} and {@code transactional} is set.
 */
public record Registration<T>(JobTypeInfo info, Contract contract, JobHandler<? super T> handler,
        TransactionalJobHandler<? super T> transactional, JobSettings settings, TypeEvolution evolution) {

    @SuppressWarnings("unchecked")
    public Class<T> recordClass() {
        return (Class<T>) info.recordClass();
    }

    public Registration<T> resolved(JobSettings resolvedSettings, TypeEvolution resolvedEvolution) {
        return new Registration<>(info, contract, handler, transactional, resolvedSettings, resolvedEvolution);
    }
}
