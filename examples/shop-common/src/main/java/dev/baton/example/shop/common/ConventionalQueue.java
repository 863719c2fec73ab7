package dev.baton.example.shop.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.baton.Job;
import dev.baton.JobHandler;
import dev.baton.spi.ClaimedJob;
import dev.baton.spi.ContractRecord;
import dev.baton.spi.JobAttempt;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobLeaseExtendParams;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobStore;
import dev.baton.spi.NodePresence;
import dev.baton.spi.PresenceOpenParams;
import dev.baton.spi.ReadableRange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's baseline: a conventional job queue, as Sidekiq, Resque or ActiveJob run the same jobs, over
 * the same tables, so that the demo's counts mean the same on both sides. Built on Baton's public store SPI
 * and Jackson only: none of Baton's engine runs here.
 *
 * <p>Like them it takes every job on its queues whatever wrote it, knows a job only by the name its own
 * code gives it (no aliases, no older queues), reads the payload as its current code expects it, never
 * converts an older or newer payload, and retries a failed job on Sidekiq's schedule
 * ({@link ConventionalBackoff}). Two ways of reading, both honest:
 * <ul>
 *   <li>{@link Reading#STRICT}: positional arguments, as {@code perform(id, message)} is called: a payload
 *       with an argument too many or too few fails with "wrong number of arguments";
 *   <li>{@link Reading#TOLERANT}: a parameter hash: unknown fields are ignored and missing ones get the
 *       language default (null, 0, false).
 * </ul>
 */
public final class ConventionalQueue implements WorkerSetup, AutoCloseable {

    /** How a conventional worker binds a payload to its job's arguments. */
    public enum Reading { STRICT, TOLERANT }

    private static final Logger log = LoggerFactory.getLogger(ConventionalQueue.class);

    private record Handler<T>(Class<T> type, JobHandler<? super T> handler) {}

    private final JobStore store;
    private final String nodeId;
    private final String release;
    private final Reading reading;
    private final Settings settings;
    private final JsonMapper mapper;
    private final Map<String, Integer> queues = new LinkedHashMap<>();
    private final Map<String, Handler<?>> handlers = new LinkedHashMap<>();
    private final Map<Long, JobAttempt> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final RandomGenerator random = RandomGenerator.getDefault();
    private volatile boolean stopping;
    private NodePresence presence;

    public ConventionalQueue(JobStore store, String nodeId, String release, Reading reading, Settings settings) {
        this.store = store;
        this.nodeId = nodeId;
        this.release = release;
        this.reading = reading;
        this.settings = settings;
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, reading == Reading.STRICT)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    @Override
    public ConventionalQueue queue(String name, int concurrency) {
        queues.put(name, concurrency);
        return this;
    }

    @Override
    public <T> ConventionalQueue handle(Class<T> type, JobHandler<? super T> handler) {
        handlers.put(type.getAnnotation(Job.class).name(), new Handler<>(type, handler));
        return this;
    }

    /** Starts one processor thread per unit of concurrency, as Sidekiq does, and a heartbeat. */
    public ConventionalQueue start() {
        presence = store.presenceOpen(new PresenceOpenParams(nodeId));
        queues.forEach((queue, concurrency) -> {
            for (int i = 1; i <= concurrency; i++) {
                threads.add(daemon("conventional-" + queue + "-" + i, () -> process(queue)));
            }
        });
        threads.add(daemon("conventional-heartbeat", this::heartbeat));
        threads.forEach(Thread::start);
        return this;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private void process(String queue) {
        while (!stopping) {
            try {
                List<ClaimedJob> claimed = store.jobClaim(new JobClaimParams(queue, everyKnownType(), 1, nodeId,
                        presence.runId(), Instant.now(), Instant.now().plusMillis(settings.leaseMillis())));
                if (claimed.isEmpty()) {
                    pause(settings.pollMillis());
                } else {
                    run(claimed.get(0));
                }
            } catch (RuntimeException e) {
                log.warn("{}: fetching from {} failed: {}", nodeId, queue, e.toString());
                pause(settings.pollMillis() * 10);
            }
        }
    }

    /**
     * Everything on the queue: a conventional worker takes whatever is there, known to its code or not. The
     * store's contract history names every type anyone enqueued.
     */
    private List<ReadableRange> everyKnownType() {
        Set<String> types = new TreeSet<>(handlers.keySet());
        for (ContractRecord contract : store.contractList()) {
            types.add(contract.type());
        }
        return types.stream().map(type -> new ReadableRange(type, 1, Integer.MAX_VALUE)).toList();
    }

    private void run(ClaimedJob job) {
        running.put(job.id(), new JobAttempt(job.id(), job.attempt()));
        try {
            Handler<?> handler = handlers.get(job.type());
            if (handler == null) {
                throw new IllegalStateException("uninitialized constant " + job.type() + ": no job class for it in release "
                        + release);
            }
            invoke(handler, job);
            store.jobComplete(new JobCompleteParams(job.id(), job.attempt(), Instant.now(), false));
        } catch (Exception e) {
            failed(job, e);
        } finally {
            running.remove(job.id());
        }
    }

    private <T> void invoke(Handler<T> handler, ClaimedJob job) throws Exception {
        JsonNode payload = mapper.readTree(job.payload());
        if (reading == Reading.STRICT) {
            requireArity(handler.type(), payload);
        }
        T arguments = mapper.treeToValue(payload, handler.type());
        handler.handler().handle(arguments, new ConventionalContext(job));
    }

    /** What Ruby does on {@code perform(*args)} with an argument too many or too few. */
    private static void requireArity(Class<?> type, JsonNode payload) {
        Set<String> expected = new TreeSet<>();
        for (var component : type.getRecordComponents()) {
            expected.add(component.getName());
        }
        Set<String> given = new TreeSet<>();
        for (Iterator<String> names = payload.fieldNames(); names.hasNext(); ) {
            given.add(names.next());
        }
        if (!given.equals(expected)) {
            throw new IllegalArgumentException("wrong number of arguments (given " + given.size() + ", expected "
                    + expected.size() + ")");
        }
    }

    private void failed(ClaimedJob job, Exception failure) {
        String error = stackTrace(failure);
        try {
            if (job.attempt() >= ConventionalBackoff.MAX_ATTEMPTS) {
                store.jobDead(new JobDeadParams(job.id(), job.attempt(), error, Instant.now()));
            } else {
                Instant now = Instant.now();
                store.jobRetry(new JobRetryParams(job.id(), job.attempt(),
                        now.plus(ConventionalBackoff.delay(job.attempt(), random)), error, now));
            }
        } catch (RuntimeException e) {
            log.warn("{}: recording the failure of job #{} failed: {}", nodeId, job.id(), e.toString());
        }
    }

    private void heartbeat() {
        while (!stopping) {
            pause(settings.heartbeatMillis());
            List<JobAttempt> attempts = List.copyOf(running.values());
            if (!attempts.isEmpty()) {
                try {
                    store.jobLeaseExtend(new JobLeaseExtendParams(presence.runId(), attempts,
                            Instant.now().plusMillis(settings.leaseMillis())));
                } catch (RuntimeException e) {
                    log.warn("{}: extending leases failed: {}", nodeId, e.toString());
                }
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Lets every processor finish the job it runs (up to the shutdown setting), then leaves. */
    @Override
    public void close() {
        stopping = true;
        long end = System.nanoTime() + Duration.ofMillis(settings.shutdownMillis()).toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, Duration.ofNanos(end - System.nanoTime()).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (presence != null) {
            presence.close();
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private record ConventionalContext(ClaimedJob job) implements dev.baton.JobContext {
        @Override
        public long id() {
            return job.id();
        }

        @Override
        public String type() {
            return job.type();
        }

        @Override
        public int version() {
            return job.version();
        }

        @Override
        public String queue() {
            return job.queue();
        }

        @Override
        public int attempt() {
            return job.attempt();
        }

        @Override
        public int maxAttempts() {
            return ConventionalBackoff.MAX_ATTEMPTS;
        }

        @Override
        public Instant createdAt() {
            return job.createdAt();
        }

        @Override
        public String enqueuedBy() {
            return job.release();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
