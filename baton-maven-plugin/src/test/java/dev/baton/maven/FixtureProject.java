package dev.baton.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A project directory as Maven lays it out, whose {@code target/classes} holds the compiled records of one
 * fixture package of this module's test classes ({@code dev.baton.maven.fixture.v1}, {@code .v2}, ...), copied
 * with their package directories: the scanner's roots are classpath roots, so two releases of one job type
 * are told apart by which package is copied in.
 */
final class FixtureProject {

    final Path basedir;
    final Path target;
    final Path classes;
    final RecordingLog log = new RecordingLog();

    FixtureProject(Path basedir) {
        this.basedir = basedir;
        this.target = basedir.resolve("target");
        this.classes = target.resolve("classes");
    }

    /** Replaces {@code target/classes} with the given fixture package, as a compile of that release would. */
    FixtureProject compiled(String fixturePackage) {
        String relative = "dev/baton/maven/fixture/" + fixturePackage;
        Path source = testClasses().resolve(relative);
        try {
            delete(classes);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = classes.resolve(relative).resolve(source.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path lockfile() {
        return basedir.resolve("baton.lock.json");
    }

    Path report() {
        return target.resolve("baton-check.json");
    }

    JsonNode reportJson() {
        try {
            return new ObjectMapper().readTree(report().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CheckMojo check(String release) {
        CheckMojo mojo = new CheckMojo();
        configure(mojo, release);
        mojo.reportFile = report().toFile();
        return mojo;
    }

    SnapshotMojo snapshot(String release) {
        SnapshotMojo mojo = new SnapshotMojo();
        configure(mojo, release);
        return mojo;
    }

    private void configure(AbstractBatonMojo mojo, String release) {
        mojo.setLog(log);
        mojo.basedir = basedir.toFile();
        mojo.outputDirectory = classes.toFile();
        // What Maven passes: the output directory first, then dependencies. The records' own dependency,
        // baton-core, is this test's class loader, the scanner's parent.
        mojo.classpathElements = List.of(classes.toString());
        mojo.lockfile = lockfile().toFile();
        mojo.release = release;
    }

    private static Path testClasses() {
        try {
            return Path.of(FixtureProject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
