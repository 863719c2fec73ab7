package dev.baton.internal;

import dev.baton.contract.Contract;
import dev.baton.spi.ContractRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records in the store every contract this node knows, once: its handled, retired and cast types at
 * start, and each type it enqueues the first time it does. The history shows what every release ran,
 * which is how a worker finds the queues older releases used for a type.
 */
public final class ContractRegistry {

    private final NodeConfig config;
    private final Map<Class<?>, Contract> contracts = new ConcurrentHashMap<>();
    private final Set<Class<?>> recorded = ConcurrentHashMap.newKeySet();

    public ContractRegistry(NodeConfig config) {
        this.config = config;
        config.registrations().values().forEach(r -> contracts.put(r.info().recordClass(), r.contract()));
    }

    /** The contract of a job record, derived once; throws JobDefinitionException for a bad record. */
    public Contract contractOf(Class<?> recordClass) {
        return contracts.computeIfAbsent(recordClass, Contract::of);
    }

    /** Records the contracts known at start. */
    public void recordKnown(List<Class<?>> alsoKnown) {
        List<Class<?>> classes = new ArrayList<>();
        config.registrations().values().forEach(r -> classes.add(r.info().recordClass()));
        classes.addAll(alsoKnown);
        record(classes);
    }

    /** Records the contract of a class the first time this node enqueues it. */
    public void recordOnFirstUse(Class<?> recordClass) {
        if (!recorded.contains(recordClass)) {
            record(List.of(recordClass));
        }
    }

    private void record(List<Class<?>> classes) {
        List<ContractRecord> rows = new ArrayList<>();
        for (Class<?> type : classes) {
            if (recorded.contains(type)) {
                continue;
            }
            Contract contract = contractOf(type);
            rows.add(new ContractRecord(contract.type(), contract.version(), contract.fingerprint(), contract.queue(),
                    contract.canonicalJson(), config.release(), config.clock().instant()));
        }
        if (!rows.isEmpty()) {
            config.store().contractRegister(rows);
            recorded.addAll(classes);
        }
    }
}
