package dev.baton.internal;

import dev.baton.DuplicateJobTypeException;
import dev.baton.EnqueueOptions;
import dev.baton.Enqueued;
import dev.baton.spi.InsertedJob;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Turns job records into stored rows: type, version, JSON payload, and the enqueue options. */
public final class Producer {

    private final NodeConfig config;
    private final PayloadCodec codec;
    private final WritePlanner planner;
    private final Map<Class<?>, JobTypeInfo> types = new ConcurrentHashMap<>();
    private final Map<String, TypeEvolution> plainEvolutions = new ConcurrentHashMap<>();

    private final ContractRegistry contracts;

    public Producer(NodeConfig config, PayloadCodec codec, FleetView fleet, ContractRegistry contracts) {
        this.config = config;
        this.contracts = contracts;
        this.codec = codec;
        this.planner = new WritePlanner(config.writePolicy(), fleet);
        config.registrations().values().forEach(r -> types.put(r.info().recordClass(), r.info()));
    }

    /**
     * @param transaction the caller's connection, or {@code null} to insert and commit on the store's own
     */
    /** What an enqueue inserted, and the queues it went to (to wake local workers). */
    public record Produced(List<Enqueued> enqueued, java.util.Set<String> queues) {}

    public Produced enqueue(Connection transaction, Collection<?> jobs, EnqueueOptions options) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(options, "options");
        Instant now = config.clock().instant();
        Instant runAt = options.runAt() != null ? options.runAt()
                : options.delay() != null ? now.plus(options.delay()) : now;
        JobState state = runAt.isAfter(now) ? JobState.SCHEDULED : JobState.WAITING;
        List<NewJob> rows = new ArrayList<>(jobs.size());
        // One plan per type per call: the fleet does not change within one enqueueAll.
        Map<String, WriteTarget> plans = new java.util.HashMap<>();
        for (Object job : jobs) {
            Objects.requireNonNull(job, "a job to enqueue is null");
            JobTypeInfo type = typeOf(job.getClass());
            int maxAttempts = options.maxAttempts() != null ? options.maxAttempts()
                    : config.settingsFor(type.name()).maxAttempts();
            TypeEvolution evolution = evolutionOf(type);
            WriteTarget target = plans.computeIfAbsent(type.name(), name -> planner.plan(type, evolution));
            ObjectNode tree = codec.toTree(type, job);
            Map<Integer, String> forms = olderForms(type, evolution, tree, target);
            String json = codec.toJson(type, evolution.downcast(tree, target.version()));
            codec.checkReadable(type, target.version(), json, config.maxPayloadSize());
            rows.add(new NewJob(target.type(), target.version(), target.queue(), json, state,
                    options.priority(), maxAttempts, runAt, now, options.uniqueKey(), config.release(), forms));
        }
        if (rows.isEmpty()) {
            return new Produced(List.of(), java.util.Set.of());
        }
        List<InsertedJob> inserted = config.store().jobInsert(new JobInsertParams(rows, transaction));
        List<Enqueued> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            NewJob row = rows.get(i);
            result.add(new Enqueued(inserted.get(i).id(), row.type(), row.version(), inserted.get(i).duplicate(),
                    row.minVersion()));
        }
        return new Produced(result, rows.stream().map(NewJob::queue).collect(java.util.stream.Collectors.toSet()));
    }

    /** The forms below the target's own version that the older workers of a mixed fleet read, checked like it. */
    private Map<Integer, String> olderForms(JobTypeInfo type, TypeEvolution evolution, ObjectNode tree, WriteTarget target) {
        if (!target.multiForm()) {
            return Map.of();
        }
        Map<Integer, String> forms = new java.util.HashMap<>();
        for (int v = target.minVersion(); v < target.version(); v++) {
            String json = codec.toJson(type, evolution.downcast(tree.deepCopy(), v));
            codec.checkReadable(type, v, json, config.maxPayloadSize());
            forms.put(v, json);
        }
        return forms;
    }

    private TypeEvolution evolutionOf(JobTypeInfo type) {
        TypeEvolution configured = config.evolutions().get(type.name());
        if (configured != null) {
            return configured;
        }
        // A type this node only enqueues: its record's own @Upcast/@Downcast methods are all there is.
        return plainEvolutions.computeIfAbsent(type.name(), name -> {
            DeclaredCasters declared = DeclaredCasters.of(type.recordClass());
            return TypeEvolution.of(type, declared.upcasters(), declared.downcasters(),
                    type.recordClass().getSimpleName() + ".class");
        });
    }

    private JobTypeInfo typeOf(Class<?> recordClass) {
        JobTypeInfo type = types.get(recordClass);
        if (type == null) {
            type = JobTypeInfo.of(recordClass);
            contracts.recordOnFirstUse(recordClass); // also refuses a record that is not plain data
            types.put(recordClass, type);
        }
        Registration<?> registered = config.registrations().get(type.name());
        if (registered != null && registered.info().recordClass() != recordClass) {
            throw new DuplicateJobTypeException(type.name(), registered.info().recordClass(), recordClass);
        }
        return type;
    }
}
