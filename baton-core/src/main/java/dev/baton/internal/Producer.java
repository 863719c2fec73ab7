package dev.baton.internal;

import dev.baton.DuplicateJobTypeException;
import dev.baton.EnqueueOptions;
import dev.baton.Enqueued;
import dev.baton.spi.InsertedJob;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
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
    private final Map<Class<?>, JobTypeInfo> types = new ConcurrentHashMap<>();

    public Producer(NodeConfig config, PayloadCodec codec) {
        this.config = config;
        this.codec = codec;
        config.registrations().values().forEach(r -> types.put(r.info().recordClass(), r.info()));
    }

    /**
     * @param transaction the caller's connection, or {@code null} to insert and commit on the store's own
     */
    public List<Enqueued> enqueue(Connection transaction, Collection<?> jobs, EnqueueOptions options) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(options, "options");
        Instant now = config.clock().instant();
        Instant runAt = options.runAt() != null ? options.runAt()
                : options.delay() != null ? now.plus(options.delay()) : now;
        JobState state = runAt.isAfter(now) ? JobState.SCHEDULED : JobState.WAITING;
        List<NewJob> rows = new ArrayList<>(jobs.size());
        for (Object job : jobs) {
            Objects.requireNonNull(job, "a job to enqueue is null");
            JobTypeInfo type = typeOf(job.getClass());
            int maxAttempts = options.maxAttempts() != null ? options.maxAttempts()
                    : config.settingsFor(type.name()).maxAttempts();
            rows.add(new NewJob(type.name(), type.version(), type.queue(), codec.write(type, job), state,
                    options.priority(), maxAttempts, runAt, now, options.uniqueKey(), config.release()));
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<InsertedJob> inserted = config.store().jobInsert(new JobInsertParams(rows, transaction));
        List<Enqueued> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            NewJob row = rows.get(i);
            result.add(new Enqueued(inserted.get(i).id(), row.type(), row.version(), inserted.get(i).duplicate()));
        }
        return result;
    }

    /** The distinct queues of the given jobs, to wake local workers after a committed insert. */
    public List<String> queuesOf(Collection<?> jobs) {
        return jobs.stream().map(job -> typeOf(job.getClass()).queue()).distinct().toList();
    }

    private JobTypeInfo typeOf(Class<?> recordClass) {
        JobTypeInfo type = types.computeIfAbsent(recordClass, JobTypeInfo::of);
        Registration<?> registered = config.registrations().get(type.name());
        if (registered != null && registered.info().recordClass() != recordClass) {
            throw new DuplicateJobTypeException(type.name(), registered.info().recordClass(), recordClass);
        }
        return type;
    }
}
