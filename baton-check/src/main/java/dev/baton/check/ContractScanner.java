package dev.baton.check;

import dev.baton.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the job records of a build in its compiled classes, without running any of its code: classes are
 * loaded but not initialized, so no static initializer of the application runs at build time.
 */
public final class ContractScanner {

    private static final Logger LOG = LoggerFactory.getLogger(ContractScanner.class);
    private static final String SUFFIX = ".class";

    private ContractScanner() {}

    /** Scans every entry of the classpath; see {@link #scan(String, List, List)}. */
    public static ContractSet scan(String release, List<Path> classpath) {
        return scan(release, classpath, classpath);
    }

    /**
     * @param release the build's release label
     * @param roots the directories and jars holding the project's own classes, the ones searched for
     *     {@code @Job} records; usually a subset of {@code classpath}
     * @param classpath everything those classes need to load: roots plus dependencies
     * @throws dev.baton.BatonException when a {@code @Job} record found is not a valid job (the same error the
     *     runtime would raise when registering it)
     * @throws UncheckedIOException when a root cannot be read
     */
    public static ContractSet scan(String release, List<Path> roots, List<Path> classpath) {
        // The parent is this class's loader, so dev.baton.Job seen by the scanned classes is the one
        // compared against here; a second copy of baton-core on the classpath would make @Job invisible.
        try (URLClassLoader loader = new URLClassLoader(urls(classpath), ContractScanner.class.getClassLoader())) {
            // Derived while the loader is open: component types load lazily.
            return ContractSet.of(release, jobRecords(roots, loader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader over " + classpath, e);
        }
    }

    /**
     * The classes annotated {@code @Job} in the roots, loaded through {@code loader} without initializing
     * them, in class name order. For callers that already have a loader over the project (a build plugin).
     * Classes that fail to load are skipped with a warning naming them.
     *
     * @throws UncheckedIOException when a root cannot be read
     */
    public static List<Class<?>> jobRecords(List<Path> roots, ClassLoader loader) {
        TreeSet<String> classNames = new TreeSet<>();
        for (Path root : roots) {
            classNames.addAll(classNames(root));
        }
        List<Class<?>> jobRecords = new ArrayList<>();
        for (String name : classNames) {
            Class<?> loaded = load(name, loader);
            if (loaded != null && loaded.isAnnotationPresent(Job.class)) {
                jobRecords.add(loaded);
            }
        }
        return jobRecords;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // A class whose dependency is missing cannot be a job anyone runs from this classpath; say which.
            LOG.warn("baton check: skipped class {}: it does not load ({})", name, e.toString());
            return null;
        }
    }

    /** Binary class names in a directory or jar, sorted so that scans and their warnings are repeatable. */
    static List<String> classNames(Path root) {
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .map(file -> root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/"))
                        .forEach(entry -> addClass(entry, names));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the directory " + root, e);
            }
        } else if (Files.isRegularFile(root)) {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory()) {
                        addClass(entry.getName(), names);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the jar " + root, e);
            }
        } else {
            throw new UncheckedIOException(new IOException("no such directory or jar: " + root));
        }
        return List.copyOf(names);
    }

    private static void addClass(String entry, TreeSet<String> names) {
        if (!entry.endsWith(SUFFIX) || entry.startsWith("META-INF/")) {
            return; // multi-release variants under META-INF/versions repeat classes found at the top
        }
        String name = entry.substring(0, entry.length() - SUFFIX.length()).replace('/', '.');
        if (name.endsWith("module-info") || name.endsWith("package-info")) {
            return;
        }
        names.add(name);
    }

    private static URL[] urls(List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a classpath entry: " + classpath.get(i), e);
            }
        }
        return urls;
    }
}
