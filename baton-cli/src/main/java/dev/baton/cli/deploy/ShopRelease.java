package dev.baton.cli.deploy;

import dev.baton.Baton;
import dev.baton.jdbc.JdbcStore;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One release of the example app, loaded from its jar and called through its facade
 * {@code dev.baton.example.shop.ShopRelease} by reflection. Both releases use the same class names, so
 * each gets a class loader of its own. Its parent is the CLI's loader and is asked first, so that
 * {@code Baton} and {@code JdbcStore} are the CLI's classes and cross between the CLI and the app;
 * only the app's own package is looked up in the jar first, so that a class path which already holds one
 * release (a test's) cannot hand it to both.
 */
public final class ShopRelease implements AutoCloseable {

    /**
     * The job type release N+1 deletes: retired, with its handler kept until it is drained, because N's
     * web nodes still enqueue it while a deploy runs (docs/evolution.md, "Delete a job").
     */
    public static final String DELETED_TYPE = "cleanup-cache";

    static final String FACADE = "dev.baton.example.shop.ShopRelease";
    private static final String APP_PACKAGE = "dev.baton.example.";

    private final String release;
    private final Path jar;
    private final URLClassLoader loader;
    private final Method start;
    private final Method enqueueNext;
    private final Method jobRecords;

    private ShopRelease(String release, Path jar, URLClassLoader loader, Class<?> facade) throws NoSuchMethodException {
        this.release = release;
        this.jar = jar;
        this.loader = loader;
        this.start = facade.getMethod("start", JdbcStore.class, String.class, String.class, boolean.class, Map.class);
        this.enqueueNext = facade.getMethod("enqueueNext", Baton.class, JdbcStore.class, long.class);
        this.jobRecords = facade.getMethod("jobRecords");
    }

    /**
     * Loads a release from its jar and checks that the jar is the release it should be.
     *
     * @throws FleetException when the jar has no facade, a facade of another shape, or another release
     */
    public static ShopRelease load(String release, Path jar) {
        URLClassLoader loader = new AppFirstLoader(url(jar), ShopRelease.class.getClassLoader());
        try {
            Class<?> facade = Class.forName(FACADE, true, loader);
            ShopRelease loaded = new ShopRelease(release, jar, loader, facade);
            String actual = (String) loaded.call(facade.getMethod("release"));
            if (!release.equals(actual)) {
                throw new FleetException(jar + " is release " + actual + ", expected " + release);
            }
            return loaded;
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            close(loader);
            throw new FleetException(jar + " does not hold the example app's facade " + FACADE + " as expected ("
                    + e + "); rebuild it: " + ExampleJars.BUILD_COMMAND, e);
        } catch (RuntimeException e) {
            close(loader);
            throw e;
        }
    }

    public String release() {
        return release;
    }

    public Path jar() {
        return jar;
    }

    /** The release's {@code @Job} records, loaded by its own loader: what {@code baton check} compares. */
    @SuppressWarnings("unchecked")
    public List<Class<?>> jobRecords() {
        return (List<Class<?>>) call(jobRecords);
    }

    /**
     * Builds and starts a node of this release on {@code store}. The app's node is one of its own classes:
     * it crosses the class loaders as the JDK types it implements, closed to stop the node, asked for its
     * Baton to enqueue.
     */
    @SuppressWarnings("unchecked")
    public StartedNode start(JdbcStore store, String nodeId, String role, boolean protect, Map<String, String> settings) {
        Object node = call(start, store, nodeId, role, protect, settings);
        return new StartedNode(((java.util.function.Supplier<Baton>) node).get(), (AutoCloseable) node);
    }

    /** A node of the app: its Baton, and how to stop all of it. */
    public record StartedNode(Baton baton, AutoCloseable node) {

        public void close() {
            try {
                node.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("stopping the node failed: " + e, e);
            }
        }
    }

    /** Enqueues job number {@code sequence} of the release's traffic mix; returns its id. */
    public long enqueueNext(Baton web, JdbcStore store, long sequence) {
        return ((Number) call(enqueueNext, web, store, sequence)).longValue();
    }

    private Object call(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new FleetException("release " + release + ": " + method.getName() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new FleetException("release " + release + ": cannot call " + FACADE + "." + method.getName(), e);
        }
    }

    @Override
    public void close() {
        close(loader);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Only open jar files are released here; nothing to tell the user.
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new FleetException("not a usable path: " + jar, e);
        }
    }

    /** Parent first, except for the app's own package, which must come from this release's jar. */
    private static final class AppFirstLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        AppFirstLoader(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(APP_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
