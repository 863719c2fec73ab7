package dev.baton.maven;

import dev.baton.BatonException;
import dev.baton.check.CheckFormatException;
import dev.baton.check.ContractScanner;
import dev.baton.check.ContractSet;
import dev.baton.check.LiveState;
import dev.baton.check.Lockfile;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What both goals share: the scan of the project's own classes, the lockfile and the optional live store. */
abstract class AbstractBatonMojo extends AbstractMojo {

    /** The project's compiled classes: the only place searched for {@code @Job} records. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File outputDirectory;

    /** What those classes need to load: the project's compile classpath (its output directory included). */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /**
     * The lockfile: committed next to the build file. A missing one is an empty one (a project's first check:
     * every type is new, a warning), and the log says how to write it.
     */
    @Parameter(property = "baton.lockfile", defaultValue = "${project.basedir}/baton.lock.json", required = true)
    File lockfile;

    /** The build's release label, as the lockfile records it. */
    @Parameter(property = "baton.release", defaultValue = "${project.version}", required = true)
    String release;

    /**
     * A JDBC URL of the live store (PostgreSQL or H2). With it, {@code check} answers each plan step from the
     * store's fleet and job counts, and {@code snapshot} drops the releases nothing live needs any more.
     */
    @Parameter(property = "baton.jdbcUrl")
    String jdbcUrl;

    /** Skips the goal. */
    @Parameter(property = "baton.skip", defaultValue = "false")
    boolean skip;

    /** Where "now" comes from when telling live nodes from gone ones; tests set a fixed one. */
    Clock clock = Clock.systemUTC();

    /**
     * The build's contracts; {@code null} (after saying so) when the project has no compiled classes, such as a
     * pom-packaged module. The scanner closes its class loader before returning.
     *
     * @throws MojoFailureException when a {@code @Job} record is one the runtime would refuse
     * @throws MojoExecutionException when the classes cannot be read
     */
    ContractSet scan(String goal) throws MojoExecutionException, MojoFailureException {
        if (outputDirectory == null || !outputDirectory.isDirectory()) {
            String message = "baton " + goal + ": no compiled classes at " + outputDirectory + ", nothing to do";
            if ("snapshot".equals(goal)) {
                // Run on its own, on a clean checkout, it would record nothing: say how to compile first.
                getLog().warn(message + " (run `mvn compile baton:snapshot`)");
            } else {
                getLog().info(message);
            }
            return null;
        }
        Path root = outputDirectory.toPath();
        List<Path> classpath = new ArrayList<>();
        classpath.add(root);
        if (classpathElements != null) {
            for (String element : classpathElements) {
                Path path = Path.of(element);
                if (!classpath.contains(path) && Files.exists(path)) {
                    classpath.add(path);
                }
            }
        }
        try {
            return ContractScanner.scan(release, List.of(root), classpath);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("baton " + goal + ": " + e.getMessage(), e);
        } catch (BatonException | IllegalArgumentException e) {
            // The runtime's own message: the record would be refused when the application starts.
            throw new MojoFailureException("baton " + goal + ": " + e.getMessage(), e);
        }
    }

    Lockfile readLockfile(String goal) throws MojoExecutionException {
        try {
            return Lockfile.read(lockfile.toPath());
        } catch (CheckFormatException | UncheckedIOException e) {
            throw new MojoExecutionException("baton " + goal + ": cannot use the lockfile " + lockfile + ": "
                    + e.getMessage(), e);
        }
    }

    /** The live store's state, or {@code null} without {@code jdbcUrl}. */
    LiveState liveState(String goal) throws MojoExecutionException {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return null;
        }
        try {
            LiveState live = LiveStores.read(jdbcUrl, clock.instant());
            // Not the URL: it may carry a password.
            getLog().info("baton " + goal + ": live store read: " + live.liveNodes().size() + " live node(s), "
                    + live.counts().size() + " job count row(s)");
            return live;
        } catch (RuntimeException e) {
            // Baton's own StoreException or ConfigException (an unsupported URL), or a driver's error.
            throw new MojoExecutionException("baton " + goal + ": cannot read the live store: " + e.getMessage(), e);
        }
    }

    /** {@code path} relative to the project directory when it is inside it, for messages people act on. */
    String shown(File file) {
        Path path = file.toPath().toAbsolutePath().normalize();
        if (basedir != null) {
            Path base = basedir.toPath().toAbsolutePath().normalize();
            if (path.startsWith(base)) {
                return base.relativize(path).toString().replace(File.separatorChar, '/');
            }
        }
        return path.toString();
    }
}
