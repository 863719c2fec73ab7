package dev.baton;

import dev.baton.contract.Contract;
import dev.baton.internal.DeclaredCasters;
import dev.baton.internal.JobTypeInfo;
import dev.baton.internal.Names;
import dev.baton.internal.NodeConfig;
import dev.baton.internal.Registration;
import dev.baton.internal.RetiredType;
import dev.baton.internal.StoreClock;
import dev.baton.internal.PayloadCodec;
import dev.baton.internal.TypeEvolution;
import dev.baton.spi.JobStore;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds a {@link Baton} node. Each setting may be given once; {@link #build()} checks them all and
 * names the option, the bad value and the fix. Nothing touches the store before {@link Baton#start()}.
 */
public final class BatonBuilder {

    static final int MAX_CONCURRENCY = 1_000;
    static final Duration MIN_POLL = Duration.ofMillis(10);
    static final Duration MIN_LEASE = Duration.ofMillis(100);
    static final int DEFAULT_MAX_PAYLOAD = 1_000_000;

    /** The defaults of the fleet's timings, for tools that show or compare them. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);
    /** Unset, the heartbeat is a third of the lease, whatever lease is set: two may be late before it lapses. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = DEFAULT_LEASE_DURATION.dividedBy(3);
    public static final Duration DEFAULT_NODE_TTL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_FLEET_REFRESH_INTERVAL = Duration.ofSeconds(5);

    private JobStore store;
    private String release;
    private String nodeId;
    private Clock clock;
    private JobSettings defaults;
    private final Map<String, Integer> queues = new LinkedHashMap<>();
    private final Map<String, Registration<?>> registrations = new LinkedHashMap<>();
    private Duration pollInterval;
    private Duration leaseDuration;
    private Duration heartbeatInterval;
    private Duration rescueInterval;
    private Duration completedRetention;
    private Duration deadRetention;
    private Duration pruneInterval;
    private Duration shutdownTimeout;
    private Duration nodeTtl;
    private Duration fleetRefreshInterval;
    private Duration parkDelay;
    private Duration timeoutGrace;
    private Integer maxPayloadSize;
    private Duration strandedRewriteAfter;
    private Boolean shutdownHook;
    private WritePolicy writePolicy;
    private String role;
    private final Map<Class<?>, Map<Integer, Upcaster>> upcasters = new LinkedHashMap<>();
    private final Map<Class<?>, Map<Integer, Downcaster>> downcasters = new LinkedHashMap<>();
    private final Map<String, RetiredType> retired = new LinkedHashMap<>();

    BatonBuilder() {}

    /** Where jobs live; required. For example {@code JdbcStore.embedded(Path.of("baton-data"))}. */
    public BatonBuilder store(JobStore store) {
        requireUnset("store", this.store, store);
        this.store = store;
        return this;
    }

    /** The label of the build this node runs. Default: env {@code BATON_RELEASE}, else the jar's Implementation-Version. */
    public BatonBuilder release(String release) {
        requireUnset("release", this.release, release);
        this.release = release;
        return this;
    }

    /** Unique per running node; default {@code host-pid-random}. Recorded as the owner of the jobs it runs. */
    public BatonBuilder nodeId(String nodeId) {
        requireUnset("nodeId", this.nodeId, nodeId);
        this.nodeId = nodeId;
        return this;
    }

    /**
     * Source of every timestamp this node writes and compares. By default the database's clock, read at
     * every heartbeat, so that all nodes decide leases and liveness by one clock whatever their own say.
     * Tests inject their own to move time by hand.
     */
    public BatonBuilder clock(Clock clock) {
        requireUnset("clock", this.clock, clock);
        this.clock = clock;
        return this;
    }

    /** Serves {@code name} with up to {@code concurrency} jobs at once. */
    public BatonBuilder queue(String name, int concurrency) {
        String problem = Names.checkQueue(name);
        if (problem != null) {
            throw new ConfigException("queue", name, problem);
        }
        if (queues.containsKey(name)) {
            throw new ConfigException("queue(\"" + name + "\")", concurrency,
                    "this queue was already set to concurrency " + queues.get(name) + "; declare each queue once");
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new ConfigException("queue(\"" + name + "\").concurrency", concurrency,
                    "it must be between 1 and " + MAX_CONCURRENCY);
        }
        queues.put(name, concurrency);
        return this;
    }

    /** Runs jobs of {@code type} with {@code handler}, under the default settings. */
    public <T> BatonBuilder handle(Class<T> type, JobHandler<? super T> handler) {
        return handle(type, handler, null);
    }

    /** Runs jobs of {@code type} with {@code handler}, under {@code settings}. */
    public <T> BatonBuilder handle(Class<T> type, JobHandler<? super T> handler, JobSettings settings) {
        if (type == null || handler == null) {
            throw new ConfigException("handle", null, "give the job record class and its handler");
        }
        return register(type, "handle", handler, null, settings);
    }

    /**
     * Runs jobs of {@code type} with {@code handler} inside a transaction that also completes the job, so
     * that the handler's writes to the store's database and the completion commit together: an
     * exactly-once effect for work in the same database. See {@link TransactionalJobHandler}.
     */
    public <T> BatonBuilder handleInTransaction(Class<T> type, TransactionalJobHandler<? super T> handler) {
        return handleInTransaction(type, handler, null);
    }

    /** As {@link #handleInTransaction(Class, TransactionalJobHandler)}, under {@code settings}. */
    public <T> BatonBuilder handleInTransaction(Class<T> type, TransactionalJobHandler<? super T> handler,
            JobSettings settings) {
        if (type == null || handler == null) {
            throw new ConfigException("handleInTransaction", null, "give the job record class and its handler");
        }
        return register(type, "handleInTransaction", null, handler, settings);
    }

    private <T> BatonBuilder register(Class<T> type, String option, JobHandler<? super T> handler,
            TransactionalJobHandler<? super T> transactional, JobSettings settings) {
        JobTypeInfo info = JobTypeInfo.of(type);
        // A @Retired record may keep its handler until drained: its jobs then run for real, and no node's
        // no-op reader takes them while this node is live.
        Registration<?> existing = registrations.get(info.name());
        if (existing != null) {
            if (existing.info().recordClass() == type) {
                throw new ConfigException(option + "(" + type.getSimpleName() + ".class)", info.name(),
                        "a handler for this job type was already registered; register each type once");
            }
            throw new DuplicateJobTypeException(info.name(), existing.info().recordClass(), type);
        }
        // Derived now, so a component that is not plain data fails the build, not the first enqueue.
        registrations.put(info.name(), new Registration<>(info, Contract.of(type), handler, transactional, settings, null));
        return this;
    }

    /**
     * Lets this node read payloads of {@code fromVersion} (and, with the rest of the chain, older ones)
     * by turning them into {@code fromVersion + 1}. The chain must reach the type's current version.
     */
    public <T> BatonBuilder upcast(Class<T> type, int fromVersion, Upcaster upcaster) {
        putCaster(upcasters, "upcast", type, fromVersion, upcaster);
        return this;
    }

    /**
     * Lets this node write version {@code fromVersion - 1} from {@code fromVersion}, for workers of an
     * older release still in the fleet. The chain must start at the type's current version.
     */
    public <T> BatonBuilder downcast(Class<T> type, int fromVersion, Downcaster downcaster) {
        putCaster(downcasters, "downcast", type, fromVersion, downcaster);
        return this;
    }

    private static <C> void putCaster(Map<Class<?>, Map<Integer, C>> casters, String kind, Class<?> type, int from,
            C caster) {
        String option = kind + "(" + (type == null ? "null" : type.getSimpleName() + ".class") + ", " + from + ")";
        if (type == null || caster == null) {
            throw new ConfigException(option, null, "give the job record class, the version it reads and the function");
        }
        JobTypeInfo.of(type);
        Map<Integer, C> byVersion = casters.computeIfAbsent(type, t -> new java.util.TreeMap<>());
        if (byVersion.containsKey(from)) {
            throw new ConfigException(option, from, "this " + kind + "er was already registered; register each once");
        }
        byVersion.put(from, caster);
    }

    /**
     * Retires a job type whose record still exists: its stored jobs are completed without running
     * anything, on its queue, until it is drained. See {@link Retired}.
     */
    public BatonBuilder retire(Class<?> type) {
        JobTypeInfo info = JobTypeInfo.of(type);
        return retire(new RetiredType(info.name(), info.queue(), info.aliases(), type), type.getSimpleName() + ".class");
    }

    /** Retires a job type by name, for when its record is already deleted: drains it from {@code queue}. */
    public BatonBuilder retire(String type, String queue) {
        String problem = Names.checkType(type);
        if (problem != null) {
            throw new ConfigException("retire", type, problem);
        }
        String queueProblem = Names.checkQueue(queue);
        if (queueProblem != null) {
            throw new ConfigException("retire(\"" + type + "\").queue", queue, queueProblem);
        }
        return retire(new RetiredType(type, queue, java.util.List.of(), null), "\"" + type + "\"");
    }

    private BatonBuilder retire(RetiredType type, String label) {
        if (retired.containsKey(type.name())) {
            throw new ConfigException("retire(" + label + ")", type.name(), "this type was already retired; retire it once");
        }
        retired.put(type.name(), type);
        return this;
    }

    /** Which version producers on this node write; default {@link WritePolicy#FLEET_COMPATIBLE}. */
    public BatonBuilder writePolicy(WritePolicy writePolicy) {
        requireUnset("writePolicy", this.writePolicy, writePolicy);
        this.writePolicy = writePolicy;
        return this;
    }

    /** A label shown in the fleet table, such as {@code web}; default {@code worker} or {@code producer}. */
    public BatonBuilder role(String role) {
        requireUnset("role", this.role, role);
        this.role = role;
        return this;
    }


    /** A node whose last heartbeat is older than this is not live; default 30s. */
    public BatonBuilder nodeTtl(Duration nodeTtl) {
        requireUnset("nodeTtl", this.nodeTtl, nodeTtl);
        this.nodeTtl = nodeTtl;
        return this;
    }

    /** How often a producer re-reads the fleet to choose the version it writes; default 5s. */
    public BatonBuilder fleetRefreshInterval(Duration fleetRefreshInterval) {
        requireUnset("fleetRefreshInterval", this.fleetRefreshInterval, fleetRefreshInterval);
        this.fleetRefreshInterval = fleetRefreshInterval;
        return this;
    }

    /** How long a job this node cannot read waits before it is offered again; default 1 minute. */
    public BatonBuilder parkDelay(Duration parkDelay) {
        requireUnset("parkDelay", this.parkDelay, parkDelay);
        this.parkDelay = parkDelay;
        return this;
    }

    /** Settings for job types registered without their own, and for jobs this node only enqueues. */
    public BatonBuilder defaults(JobSettings defaults) {
        requireUnset("defaults", this.defaults, defaults);
        this.defaults = defaults;
        return this;
    }

    /** How often an idle worker looks for due jobs without a wake-up; default 1s. */
    public BatonBuilder pollInterval(Duration pollInterval) {
        requireUnset("pollInterval", this.pollInterval, pollInterval);
        this.pollInterval = pollInterval;
        return this;
    }

    /** How long a claimed job stays with this node without a heartbeat; default 30s. */
    public BatonBuilder leaseDuration(Duration leaseDuration) {
        requireUnset("leaseDuration", this.leaseDuration, leaseDuration);
        this.leaseDuration = leaseDuration;
        return this;
    }

    /** How often leases of running jobs are extended; default 10s, under half the lease. */
    public BatonBuilder heartbeatInterval(Duration heartbeatInterval) {
        requireUnset("heartbeatInterval", this.heartbeatInterval, heartbeatInterval);
        this.heartbeatInterval = heartbeatInterval;
        return this;
    }

    /**
     * How often this node looks for jobs whose run is over: their process died (on PostgreSQL, seen from
     * its closed connection) or their lease lapsed. Default 1s.
     */
    public BatonBuilder rescueInterval(Duration rescueInterval) {
        requireUnset("rescueInterval", this.rescueInterval, rescueInterval);
        this.rescueInterval = rescueInterval;
        return this;
    }

    /** How long completed jobs are kept for inspection; {@link Duration#ZERO} deletes them at once. Default 1h. */
    public BatonBuilder completedRetention(Duration completedRetention) {
        requireUnset("completedRetention", this.completedRetention, completedRetention);
        this.completedRetention = completedRetention;
        return this;
    }

    /** How long dead jobs are kept; by default until removed by hand, since each is a job that did not happen. */
    public BatonBuilder deadRetention(Duration deadRetention) {
        requireUnset("deadRetention", this.deadRetention, deadRetention);
        this.deadRetention = deadRetention;
        return this;
    }

    /** How often finished jobs past their retention are deleted, in batches; default 1 minute. */
    public BatonBuilder pruneInterval(Duration pruneInterval) {
        requireUnset("pruneInterval", this.pruneInterval, pruneInterval);
        this.pruneInterval = pruneInterval;
        return this;
    }

    /** How long {@link Baton#close()} lets running jobs finish before releasing them; default 30s. */
    public BatonBuilder shutdownTimeout(Duration shutdownTimeout) {
        requireUnset("shutdownTimeout", this.shutdownTimeout, shutdownTimeout);
        this.shutdownTimeout = shutdownTimeout;
        return this;
    }

    /**
     * How long a handler may run on past its timeout, after being interrupted, before its run is
     * abandoned: the job is recorded as a failed attempt, its lease is no longer extended and its slot
     * goes to a new thread, while the stuck thread is left to end on its own. Default 30s.
     */
    public BatonBuilder timeoutGrace(Duration timeoutGrace) {
        requireUnset("timeoutGrace", this.timeoutGrace, timeoutGrace);
        this.timeoutGrace = timeoutGrace;
        return this;
    }

    /**
     * The longest payload enqueue accepts, in characters of JSON; default 1,000,000. A larger one is
     * refused with a {@link PayloadException} at enqueue rather than stored to fail every run.
     */
    public BatonBuilder maxPayloadSize(int maxPayloadSize) {
        requireUnset("maxPayloadSize", this.maxPayloadSize, maxPayloadSize);
        this.maxPayloadSize = maxPayloadSize;
        return this;
    }

    /**
     * How long a version must have had no live reader before this node rewrites its waiting jobs into a
     * form the live fleet reads (after a rollback). Default three node TTLs, so that a fleet that misses a
     * heartbeat or two is never rewritten for.
     */
    public BatonBuilder strandedRewriteAfter(Duration strandedRewriteAfter) {
        requireUnset("strandedRewriteAfter", this.strandedRewriteAfter, strandedRewriteAfter);
        this.strandedRewriteAfter = strandedRewriteAfter;
        return this;
    }

    /**
     * Whether a JVM shutdown hook closes this node gracefully, so that SIGTERM drains running jobs within
     * {@code shutdownTimeout}; default true. Turn it off when a framework's lifecycle calls close().
     */
    public BatonBuilder shutdownHook(boolean enabled) {
        requireUnset("shutdownHook", this.shutdownHook, enabled);
        this.shutdownHook = enabled;
        return this;
    }

    /**
     * @throws ConfigException naming the first option that is missing, out of range or inconsistent
     */
    public Baton build() {
        if (store == null) {
            throw new ConfigException("store", null,
                    "it is required: for example .store(JdbcStore.embedded(Path.of(\"baton-data\")))");
        }
        Duration poll = positive("pollInterval", pollInterval, DEFAULT_POLL_INTERVAL, MIN_POLL);
        Duration lease = positive("leaseDuration", leaseDuration, DEFAULT_LEASE_DURATION, MIN_LEASE);
        Duration heartbeat = positive("heartbeatInterval", heartbeatInterval, lease.dividedBy(3), Duration.ofMillis(10));
        if (heartbeat.compareTo(lease.dividedBy(2)) >= 0) {
            throw new ConfigException("heartbeatInterval", heartbeat, "it must be less than half of leaseDuration ("
                    + lease + "), so that one late heartbeat does not lapse the leases of running jobs");
        }
        Duration rescue = positive("rescueInterval", rescueInterval, Duration.ofSeconds(1), Duration.ofMillis(10));
        Duration completed = completedRetention == null ? Duration.ofHours(1) : completedRetention;
        if (completed.isNegative()) {
            throw new ConfigException("completedRetention", completed, "it must be zero (delete at once) or positive");
        }
        if (deadRetention != null && (deadRetention.isNegative() || deadRetention.isZero())) {
            throw new ConfigException("deadRetention", deadRetention, "it must be positive; leave it unset to keep dead jobs");
        }
        Duration prune = positive("pruneInterval", pruneInterval, Duration.ofMinutes(1), Duration.ofMillis(10));
        Duration shutdown = shutdownTimeout == null ? Duration.ofSeconds(30) : shutdownTimeout;
        if (shutdown.isNegative()) {
            throw new ConfigException("shutdownTimeout", shutdown, "it must be zero or positive");
        }
        Duration ttl = positive("nodeTtl", nodeTtl, DEFAULT_NODE_TTL, Duration.ofMillis(10));
        if (ttl.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new ConfigException("nodeTtl", ttl, "it must be at least twice heartbeatInterval (" + heartbeat
                    + "), or a live node would flicker out of the fleet between heartbeats");
        }
        Duration fleetRefresh = positive("fleetRefreshInterval", fleetRefreshInterval,
                DEFAULT_FLEET_REFRESH_INTERVAL, Duration.ofMillis(1));
        Duration park = positive("parkDelay", parkDelay, Duration.ofMinutes(1), Duration.ofMillis(1));
        Duration grace = positive("timeoutGrace", timeoutGrace, Duration.ofSeconds(30), Duration.ofMillis(1));
        Duration rewriteAfter = positive("strandedRewriteAfter", strandedRewriteAfter, ttl.multipliedBy(3), ttl);
        int payloadLimit = maxPayloadSize == null ? DEFAULT_MAX_PAYLOAD : maxPayloadSize;
        if (payloadLimit < 2 || payloadLimit > PayloadCodec.MAX_READABLE_CHARS) {
            throw new ConfigException("maxPayloadSize", payloadLimit, "it must be between 2 and "
                    + PayloadCodec.MAX_READABLE_CHARS + " characters, the most a worker can read back");
        }
        JobSettings base = defaults == null ? JobSettings.defaults() : defaults;
        Map<String, TypeEvolution> evolutions = evolutions();
        Map<String, Registration<?>> resolved = new LinkedHashMap<>();
        for (Registration<?> registration : registrations.values()) {
            requireServed(registration.info().queue(), "job type " + registration.info().name());
            resolved.put(registration.info().name(), resolve(registration, base, evolutions));
        }
        checkRetired(resolved);
        for (String queue : queues.keySet()) {
            boolean used = resolved.values().stream().anyMatch(r -> r.info().queue().equals(queue))
                    || retired.values().stream().anyMatch(r -> r.queue().equals(queue));
            if (!used) {
                throw new ConfigException("queue", queue, "no job type this node handles runs on it: register a handler "
                        + "for a type whose @Job queue is \"" + queue + "\", or remove the queue");
            }
        }
        return new Baton(new NodeConfig(store, resolveRelease(), resolveNodeId(),
                role != null ? role : queues.isEmpty() ? "producer" : "worker",
                clock == null ? StoreClock.of(store::storeTime) : clock, queues, resolved, retired, evolutions, base,
                writePolicy == null ? WritePolicy.FLEET_COMPATIBLE : writePolicy,
                poll, lease, heartbeat, rescue, completed, deadRetention, prune, shutdown, ttl, fleetRefresh, park,
                grace, payloadLimit, rewriteAfter, shutdownHook == null || shutdownHook));
    }

    private void requireServed(String queue, String what) {
        if (!queues.containsKey(queue)) {
            throw new ConfigException("queue", queue, what + " runs on queue \"" + queue
                    + "\", which this node does not serve: add .queue(\"" + queue + "\", concurrency)");
        }
    }

    private static <T> Registration<T> resolve(Registration<T> registration, JobSettings base,
            Map<String, TypeEvolution> evolutions) {
        JobTypeInfo info = registration.info();
        TypeEvolution evolution = evolutions.getOrDefault(info.name(),
                TypeEvolution.of(info, Map.of(), Map.of(), info.recordClass().getSimpleName() + ".class"));
        return registration.resolved(registration.settings() != null ? registration.settings() : base, evolution);
    }

    /**
     * One evolution per type this node handles or has casters for: the casters declared on the record
     * ({@link Upcast}, {@link Downcast}) plus those given to this builder. The chains are checked here, so
     * a gap fails the build.
     */
    private Map<String, TypeEvolution> evolutions() {
        Map<String, TypeEvolution> result = new LinkedHashMap<>();
        java.util.Set<Class<?>> classes = new java.util.LinkedHashSet<>();
        registrations.values().forEach(r -> classes.add(r.info().recordClass()));
        classes.addAll(upcasters.keySet());
        classes.addAll(downcasters.keySet());
        for (Class<?> type : classes) {
            JobTypeInfo info = JobTypeInfo.of(type);
            DeclaredCasters declared = DeclaredCasters.of(type);
            String label = type.getSimpleName() + ".class";
            TypeEvolution evolution = TypeEvolution.of(info,
                    merged("upcast", label, declared.upcasters(), upcasters.getOrDefault(type, Map.of())),
                    merged("downcast", label, declared.downcasters(), downcasters.getOrDefault(type, Map.of())), label);
            Registration<?> registration = registrations.get(info.name());
            if (registration != null && registration.info().recordClass() != type) {
                throw new DuplicateJobTypeException(info.name(), registration.info().recordClass(), type);
            }
            TypeEvolution previous = result.put(info.name(), evolution);
            if (previous != null) {
                throw new ConfigException("upcast/downcast", type.getSimpleName(), "casters for job type " + info.name()
                        + " are registered on two record classes; register them on the record of the current version");
            }
        }
        return result;
    }

    private static <C> Map<Integer, C> merged(String kind, String label, Map<Integer, C> declared, Map<Integer, C> given) {
        Map<Integer, C> all = new java.util.TreeMap<>(declared);
        for (Map.Entry<Integer, C> entry : given.entrySet()) {
            if (all.put(entry.getKey(), entry.getValue()) != null) {
                throw new ConfigException(kind + "(" + label + ", " + entry.getKey() + ")", entry.getKey(), "the record "
                        + "already declares this " + kind + "er with @" + (kind.equals("upcast") ? "Upcast" : "Downcast")
                        + "; keep one of them");
            }
        }
        return all;
    }

    private void checkRetired(Map<String, Registration<?>> handled) {
        java.util.Set<String> names = new java.util.HashSet<>();
        handled.values().forEach(r -> names.addAll(r.info().storedNames()));
        for (RetiredType type : retired.values()) {
            for (String name : type.storedNames()) {
                if (names.contains(name)) {
                    throw new ConfigException("retire", name, "job type " + name + " is both handled and retired on this "
                            + "node: a retired type is drained without running, so drop its handler or the retirement");
                }
            }
            requireServed(type.queue(), "retired job type " + type.name());
        }
    }

    private String resolveRelease() {
        String label = release;
        if (label == null) {
            label = System.getenv("BATON_RELEASE");
        }
        if (label == null) {
            label = registrations.values().stream()
                    .map(r -> r.info().recordClass().getPackage().getImplementationVersion())
                    .filter(v -> v != null)
                    .findFirst().orElse("unknown");
        }
        if (label.isBlank() || label.length() > 100) {
            throw new ConfigException("release", label, "it must be non-blank and at most 100 characters, such as \"2026.11.3\"");
        }
        return label;
    }

    private String resolveNodeId() {
        if (nodeId != null) {
            if (nodeId.isBlank() || nodeId.length() > 200) {
                throw new ConfigException("nodeId", nodeId, "it must be non-blank and at most 200 characters");
            }
            return nodeId;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        long pid = ManagementFactory.getRuntimeMXBean().getPid();
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + pid + "-" + HexFormat.of().formatHex(random);
    }

    private static Duration positive(String option, Duration value, Duration fallback, Duration minimum) {
        if (value == null) {
            return fallback;
        }
        if (value.compareTo(minimum) < 0) {
            throw new ConfigException(option, value, "it must be at least " + minimum);
        }
        return value;
    }

    private static void requireUnset(String option, Object current, Object given) {
        if (current != null) {
            throw new ConfigException(option, given, "it was already set to " + current + "; set each option once");
        }
    }
}
