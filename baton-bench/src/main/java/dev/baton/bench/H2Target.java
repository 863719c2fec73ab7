package dev.baton.bench;

import dev.baton.jdbc.JdbcStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The embedded store, {@code JdbcStore.embedded}: each measurement gets a new directory under a temporary one. */
final class H2Target implements BenchTarget {

    private static final Counters NONE = new Counters() {
        @Override
        public Long transactions() {
            return null;
        }

        @Override
        public Long databaseCpuNanos() {
            return null;
        }

        @Override
        public void settle() {}
    };

    private final Path root;
    private final AtomicInteger next = new AtomicInteger();

    private H2Target(Path root) {
        this.root = root;
    }

    static H2Target create() {
        try {
            return new H2Target(Files.createTempDirectory("baton-bench-h2-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the H2 stores", e);
        }
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String location() {
        return "JdbcStore.embedded, a new directory under " + root + " per measurement";
    }

    @Override
    public StoreLocation fresh(String label) {
        Path dir = root.resolve(BenchTarget.safeLabel(label) + "-" + next.incrementAndGet());
        return new StoreLocation() {
            @Override
            public JdbcStore open() {
                return JdbcStore.embedded(dir);
            }

            @Override
            public void close() {
                delete(dir);
            }
        };
    }

    @Override
    public Counters counters() {
        return NONE;
    }

    @Override
    public boolean latencyFromAnotherNode() {
        return false;
    }

    @Override
    public List<String> notes() {
        return List.of(
                "H2 runs inside this JVM: its CPU is part of the JVM figure, and it keeps no transaction count,"
                        + " so transactions per job are not measured",
                "H2 has no LISTEN/NOTIFY, so a node hears of another node's jobs only when it polls (1 s by default):"
                        + " the latency runs enqueue on the worker node itself, which wakes its own fetcher,"
                        + " as an embedded application does");
    }

    @Override
    public void close() {
        delete(root);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
