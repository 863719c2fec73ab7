package dev.baton.example.shop;

import dev.baton.Baton;
import dev.baton.example.shop.common.ShopApp;
import dev.baton.example.shop.common.ShopNode;
import dev.baton.jdbc.JdbcStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The shop's entry points, with the same signatures in every release: an orchestrator ({@code baton demo},
 * {@code baton simulate}) loads each release's jar in its own class loader and calls these by reflection.
 * What every release does the same way is in {@code dev.baton.example.shop.common}.
 * This is release N: the code in production before the deploy.
 */
public final class ShopRelease {

    static final String RELEASE = "n";

    /** What a web node of this release enqueues, in order: job number {@code s} is {@code MIX.get(s % size)}. */
    private static final List<LongFunction<Object>> MIX = List.of(
            s -> new UserConfirmation(s, "Welcome to the shop!"),
            ShopRelease::computeFoobar,
            s -> new DoSomething(s),
            s -> new CleanupCache("cart-" + s % 10),
            s -> new SendNewsletter(s % 52 + 1, s),
            s -> new ConfirmEmail(s));

    /** This release, as the common command-line runner ({@link Main}) runs it. */
    static final ShopApp APP = new ShopApp() {
        @Override
        public String release() {
            return ShopRelease.release();
        }

        @Override
        public ShopNode.Started start(JdbcStore store, String nodeId, String role, boolean protect,
                Map<String, String> settings) {
            return ShopRelease.start(store, nodeId, role, protect, settings);
        }

        @Override
        public long enqueueNext(Baton web, JdbcStore store, long sequence) {
            return ShopRelease.enqueueNext(web, store, sequence);
        }
    };

    private ShopRelease() {}

    /** "n" or "n+1". */
    public static String release() {
        return RELEASE;
    }

    /** Every job record of this release, for {@code baton check}. */
    public static List<Class<?>> jobRecords() {
        return List.of(UserConfirmation.class, ComputeFoobar.class, DoSomething.class, CleanupCache.class,
                SendNewsletter.class, ConfirmEmail.class);
    }

    /**
     * Builds and starts a node: role "web" (enqueues only, role label web), "worker" (serves mailers,
     * default and mail, and runs every handler of this release), or "both". protect=false runs the same handlers on
     * a {@link dev.baton.example.shop.common.ConventionalQueue} (what a conventional job system does). Settings: optional string overrides, keys
     * "pollMillis" (default 50), "heartbeatMillis" (200), "nodeTtlMillis" (2000), "fleetRefreshMillis"
     * (100), "maxAttempts" (3), "backoffMillis" (200, exponential, max 2s, jitter 0), and also
     * "concurrency" (4 per queue), "leaseMillis" (30000), "rescueMillis" (1000), "shutdownMillis" (5000),
     * "reading" (strict: how the conventional queue reads) and "workMillis" (0: how long each handler works).
     * Creates the example tables if missing.
     *
     * @return the started node
     * @throws IllegalArgumentException for an unknown role or setting, or a bad setting value
     */
    public static ShopNode.Started start(JdbcStore store, String nodeId, String role, boolean protect,
            Map<String, String> settings) {
        return ShopNode.start(store, RELEASE, nodeId, role, protect, settings, (setup, s) ->
                new ShopWorker(store.dataSource(), RELEASE, nodeId, Clock.systemUTC()).register(setup, s.concurrency()));
    }

    /**
     * Enqueues job number {@code sequence} of this release's traffic mix, in one transaction with its
     * {@code example_enqueued} row: the row exists if and only if the job does.
     *
     * @return the job id
     */
    public static long enqueueNext(Baton web, JdbcStore store, long sequence) {
        return ShopNode.enqueue(web, store, RELEASE, job(sequence));
    }

    /** Job number {@code sequence} of the traffic mix. */
    static Object job(long sequence) {
        return MIX.get((int) Math.floorMod(sequence, (long) MIX.size())).apply(sequence);
    }

    /** Ranges in the past, starting in the past, starting today and in the future, in turn. */
    private static ComputeFoobar computeFoobar(long sequence) {
        LocalDate today = LocalDate.now(Clock.systemUTC());
        long group = Math.floorMod(sequence, 100L);
        return switch ((int) Math.floorMod(sequence / MIX.size(), 4L)) {
            case 0 -> new ComputeFoobar(group, today.minusDays(14), today.minusDays(7));
            case 1 -> new ComputeFoobar(group, today.minusDays(3), today.plusDays(4));
            case 2 -> new ComputeFoobar(group, today, today.plusDays(30));
            default -> new ComputeFoobar(group, today.plusDays(1), today.plusDays(8));
        };
    }
}
