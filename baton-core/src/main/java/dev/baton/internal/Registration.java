package dev.baton.internal;

import dev.baton.JobHandler;
import dev.baton.JobSettings;

/** A job type this node runs: what it is, who handles it and how. */
public record Registration<T>(JobTypeInfo info, JobHandler<? super T> handler, JobSettings settings) {

    @SuppressWarnings("unchecked")
    public Class<T> recordClass() {
        return (Class<T>) info.recordClass();
    }
}
