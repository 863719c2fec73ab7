package dev.baton.bench;

import dev.baton.Baton;
import dev.baton.EnqueueOptions;
import dev.baton.Enqueued;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** Bulk enqueue through {@code Baton.enqueueAll}, a chunk per call: the measured enqueue and every preload. */
final class Loader {

    private Loader() {}

    /**
     * @param make the job for each sequence number
     * @return how many were enqueued: all of them, unless the deadline came first
     * @throws IllegalStateException when a call returns fewer results than jobs, or a duplicate
     */
    static long enqueue(Baton producer, long count, int chunk, LongFunction<Object> make, EnqueueOptions options,
            Deadline deadline) {
        long done = 0;
        while (done < count && !deadline.passed()) {
            int size = (int) Math.min(chunk, count - done);
            List<Object> jobs = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                jobs.add(make.apply(done + i));
            }
            List<Enqueued> enqueued = producer.enqueueAll(jobs, options);
            if (enqueued.size() != size || enqueued.stream().anyMatch(Enqueued::duplicate)) {
                throw new IllegalStateException("enqueueAll of " + size + " jobs returned " + enqueued.size()
                        + " results, " + enqueued.stream().filter(Enqueued::duplicate).count() + " of them duplicates");
            }
            done += size;
        }
        return done;
    }
}
