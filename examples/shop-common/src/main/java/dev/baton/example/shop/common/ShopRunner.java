package dev.baton.example.shop.common;

import dev.baton.Baton;
import dev.baton.jdbc.JdbcStore;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one node of a release of the shop, from the command line of the release's jar (its {@code Main}
 * calls {@link #main(ShopApp, String[])}):
 *
 * <pre>
 * java -jar shop-n.jar --jdbc-url URL --role web|worker|both --node-id ID
 *                      [--unprotected] [--rate PER_SECOND] [--setting key=value ...]
 * </pre>
 *
 * A web node (or {@code both}) enqueues the release's traffic mix at {@code --rate} jobs per second from
 * one thread. Prints {@code started <node-id> release <r> role <role>} once running and
 * {@code stopped <node-id>} after a graceful shutdown on SIGTERM (or Ctrl-C). A usage error exits with
 * status 2.
 */
public final class ShopRunner {

    static final int USAGE = 2;
    static final double DEFAULT_RATE = 50;

    private static final String USAGE_TEXT = """
            usage: java -jar shop-%1$s.jar --jdbc-url URL --role web|worker|both --node-id ID
                                  [--unprotected] [--rate PER_SECOND] [--setting key=value ...]

              --jdbc-url URL       the store, e.g. jdbc:postgresql://127.0.0.1:5432/shop?user=postgres
                                   or jdbc:h2:file:/tmp/shop/baton;AUTO_SERVER=TRUE
              --role ROLE          web: enqueues only; worker: runs the jobs of release %3$s; both: both
              --node-id ID         unique per running node, shown in the fleet
              --unprotected        run the same handlers on a conventional job queue (positional
                                   arguments, no version awareness, Sidekiq's retries): the seeds' failures
              --rate PER_SECOND    jobs a web node enqueues per second (default 50; 0: none)
              --setting key=value  repeatable; keys and defaults: %2$s
            """;

    private ShopRunner() {}

    /** Runs {@code app} with the jar's command line. */
    public static void main(ShopApp app, String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(usage(app));
            System.exit(USAGE);
            return;
        }
        if (options == null) {
            System.out.print(usage(app));
            return;
        }
        int status = run(app, options);
        if (status != 0) {
            System.exit(status);
        }
        // A clean run ends in the shutdown hook: calling System.exit from here would wait for it forever.
    }

    private static String usage(ShopApp app) {
        StringBuilder keys = new StringBuilder();
        Settings.DEFAULTS.forEach((key, value) -> keys.append(keys.length() == 0 ? "" : ", ").append(key).append('=')
                .append(value));
        return String.format(USAGE_TEXT, app.release().equals("n") ? "n" : "n1", keys, app.release());
    }

    private static int run(ShopApp app, Options options) {
        JdbcStore store;
        ShopNode.Started node;
        try {
            store = JdbcStore.connect(options.jdbcUrl);
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            return USAGE;
        }
        try {
            node = app.start(store, options.nodeId, options.role, options.protect, options.settings);
        } catch (IllegalArgumentException e) {
            store.close();
            System.err.println("error: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            store.close();
            System.err.println("error: node " + options.nodeId + " did not start: " + e);
            return 1;
        }
        boolean enqueues = !options.role.equals("worker") && options.rate > 0;
        Web web = new Web(app, node.baton(), store, options.nodeId, options.rate);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop();
            node.close();
            store.close();
            PrintStream out = System.out;
            out.println("stopped " + options.nodeId);
            out.flush();
            stopped.countDown();
        }, "shop-shutdown"));
        System.out.println("started " + options.nodeId + " release " + app.release() + " role " + options.role);
        System.out.flush();
        if (enqueues) {
            web.run();
        }
        // The workers run on Baton's threads; this thread only waits for the shutdown hook.
        awaitUninterruptibly(stopped);
        return 0;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keep waiting: only the shutdown hook ends this node
            }
        }
    }

    /** The web node's traffic: one thread, paced with parkNanos, a sequence that only picks the job. */
    static final class Web {

        private final ShopApp app;
        private final Baton baton;
        private final JdbcStore store;
        private final long periodNanos;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean running = true;
        private volatile Thread thread;
        private long sequence;

        Web(ShopApp app, Baton baton, JdbcStore store, String nodeId, double rate) {
            this.app = app;
            this.baton = baton;
            this.store = store;
            this.periodNanos = rate > 0 ? Math.max(1, Math.round(1e9 / rate)) : 0;
            // Unique per node, so two web nodes' payloads differ; each still rotates over every type.
            this.sequence = Math.floorMod(nodeId.hashCode(), 1_000) * 1_000_000L;
        }

        void run() {
            thread = Thread.currentThread();
            try {
                long next = System.nanoTime();
                while (running) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                        continue; // woken early, or by stop(): look again
                    }
                    try {
                        app.enqueueNext(baton, store, sequence++);
                    } catch (RuntimeException e) {
                        if (!running) {
                            break;
                        }
                        System.err.println("enqueue failed, retrying in 1s: " + e);
                        next = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                        continue;
                    }
                    // Behind by more than a second (a slow database): do not burst to catch up.
                    next = Math.max(next + periodNanos, System.nanoTime() - TimeUnit.SECONDS.toNanos(1));
                }
            } finally {
                done.countDown();
            }
        }

        void stop() {
            running = false;
            Thread current = thread;
            if (current != null) {
                LockSupport.unpark(current);
                try {
                    done.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The command line, parsed by hand. */
    static final class Options {

        String jdbcUrl;
        String role;
        String nodeId;
        boolean protect = true;
        double rate = DEFAULT_RATE;
        final Map<String, String> settings = new LinkedHashMap<>();

        /** @return the options, or null when help was asked for */
        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    value = arg.substring(equals + 1);
                    arg = arg.substring(0, equals);
                }
                switch (arg) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--unprotected" -> {
                        if (value != null) {
                            throw new IllegalArgumentException("--unprotected takes no value");
                        }
                        options.protect = false;
                    }
                    case "--jdbc-url", "--role", "--node-id", "--rate", "--setting" -> {
                        if (value == null) {
                            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                                throw new IllegalArgumentException(arg + " needs a value");
                            }
                            value = args[++i];
                        }
                        options.set(arg, value);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (options.jdbcUrl == null) {
                throw new IllegalArgumentException("--jdbc-url is required");
            }
            if (options.role == null) {
                throw new IllegalArgumentException("--role is required (web, worker or both)");
            }
            if (options.nodeId == null) {
                throw new IllegalArgumentException("--node-id is required");
            }
            // Checks the keys and values now, so a typo is a usage error before anything connects.
            Settings.of(options.settings);
            return options;
        }

        private void set(String option, String value) {
            switch (option) {
                case "--jdbc-url" -> jdbcUrl = once(option, jdbcUrl, value);
                case "--role" -> {
                    role = once(option, role, value);
                    if (!ShopNode.ROLES.contains(role)) {
                        throw new IllegalArgumentException("--role " + value + ": it must be web, worker or both");
                    }
                }
                case "--node-id" -> {
                    nodeId = once(option, nodeId, value);
                    if (nodeId.isBlank()) {
                        throw new IllegalArgumentException("--node-id must not be blank");
                    }
                }
                case "--rate" -> {
                    try {
                        rate = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        rate = -1;
                    }
                    if (!(rate >= 0) || Double.isInfinite(rate)) {
                        throw new IllegalArgumentException("--rate " + value + ": it must be a number of jobs per second, 0 or more");
                    }
                }
                case "--setting" -> {
                    int equals = value.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--setting " + value + ": expected key=value");
                    }
                    String key = value.substring(0, equals);
                    if (settings.put(key, value.substring(equals + 1)) != null) {
                        throw new IllegalArgumentException("--setting " + key + " is given twice");
                    }
                }
                default -> throw new IllegalStateException(option);
            }
        }

        private static String once(String option, String current, String value) {
            if (current != null) {
                throw new IllegalArgumentException(option + " is given twice");
            }
            return value;
        }
    }
}
