package dev.baton.jdbc;

import dev.baton.spi.StoreListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTEN/NOTIFY wake-ups. Each {@link #listen} holds one connection of the data source for its whole life
 * and polls it on a daemon thread, reconnecting with backoff when the connection fails.
 */
final class PgListener implements StoreListener {

    private static final Logger log = LoggerFactory.getLogger(PgListener.class);

    /** Bounds how long close() waits for the thread to notice. */
    static final int POLL_MILLIS = 250;

    /** listen() returns once LISTEN is in place, so no insert made after it is missed; but never hangs. */
    static final long START_WAIT_MILLIS = 5_000;

    static final long HEALTH_CHECK_NANOS = TimeUnit.SECONDS.toNanos(30);

    static final long MIN_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 10_000;

    private final DataSource dataSource;
    private final Channel channel;
    private final Set<Subscription> open;

    PgListener(DataSource dataSource, Channel channel, Set<Subscription> open) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.open = open;
    }

    static Set<Subscription> registry() {
        return ConcurrentHashMap.newKeySet();
    }

    @Override
    public AutoCloseable listen(Consumer<String> queueWoken) {
        Subscription s = new Subscription(queueWoken);
        open.add(s);
        s.thread.start();
        try {
            s.started.await(START_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return s;
    }

    final class Subscription implements AutoCloseable {

        private final Consumer<String> queueWoken;
        private final Thread thread;
        private final CountDownLatch started = new CountDownLatch(1);
        private final Object wakeUp = new Object();
        private volatile boolean closed;
        private volatile boolean listening;

        Subscription(Consumer<String> queueWoken) {
            this.queueWoken = queueWoken;
            this.thread = new Thread(this::run, "baton-listen");
            this.thread.setDaemon(true);
        }

        private void run() {
            long backoff = MIN_BACKOFF_MILLIS;
            while (!closed) {
                try {
                    listenUntilClosed();
                } catch (SQLException | RuntimeException e) {
                    // The caller of listen() is not kept waiting for a database that is down.
                    started.countDown();
                    if (closed) {
                        break;
                    }
                    if (listening) {
                        // It worked until now: a fresh outage starts from a short wait.
                        listening = false;
                        backoff = MIN_BACKOFF_MILLIS;
                    }
                    log.warn("Baton listener lost its PostgreSQL connection ({}); reconnecting in {} ms."
                            + " Workers keep polling meanwhile.", e.toString(), backoff);
                    pause(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                }
            }
            started.countDown();
        }

        private void listenUntilClosed() throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                try {
                    c.setAutoCommit(true);
                    try (Statement st = c.createStatement()) {
                        // An identifier, so no bind parameter: Channel sanitises it to [a-z0-9_].
                        st.execute("LISTEN \"" + channel.name() + "\"");
                    }
                    listening = true;
                    started.countDown();
                    PGConnection pg = c.unwrap(PGConnection.class);
                    long lastHeard = System.nanoTime();
                    while (!closed) {
                        PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                        if (notifications != null && notifications.length > 0) {
                            lastHeard = System.nanoTime();
                            for (PGNotification n : notifications) {
                                deliver(n.getParameter());
                            }
                        } else if (System.nanoTime() - lastHeard > HEALTH_CHECK_NANOS) {
                            // Waiting for notifications never notices a half-open TCP connection; a query does.
                            try (Statement st = c.createStatement()) {
                                st.execute("SELECT 1");
                            }
                            lastHeard = System.nanoTime();
                        }
                    }
                } finally {
                    unlisten(c);
                }
            }
        }

        private void deliver(String queue) {
            try {
                queueWoken.accept(queue);
            } catch (RuntimeException e) {
                log.warn("Baton listener callback failed for queue {}", queue, e);
            }
        }

        /** A pooled connection goes back to the pool: it must not keep listening there. */
        private void unlisten(Connection c) {
            try (Statement st = c.createStatement()) {
                st.execute("UNLISTEN *");
            } catch (SQLException e) {
                log.debug("UNLISTEN failed; the connection is probably gone", e);
            }
        }

        private void pause(long millis) {
            synchronized (wakeUp) {
                if (!closed) {
                    try {
                        wakeUp.wait(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        closed = true;
                    }
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
            try {
                thread.join(POLL_MILLIS * 8L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open.remove(this);
        }
    }
}
