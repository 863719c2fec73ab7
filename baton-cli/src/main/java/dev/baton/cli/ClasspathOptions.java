package dev.baton.cli;

import dev.baton.BatonException;
import dev.baton.check.ContractScanner;
import dev.baton.check.ContractSet;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a build's job records are: its own classes (scanned) and its dependencies (only loaded). */
final class ClasspathOptions {

    static final String DEFAULT_RELEASE = "build";

    @Option(names = "--classpath", required = true, paramLabel = "PATHS",
            description = "The build's own classes: directories or jars, separated by the platform's path separator "
                    + "(':' on Unix), e.g. target/classes. Every @Job record in them is checked.")
    String classpath;

    @Option(names = "--deps", paramLabel = "PATHS",
            description = "Dependencies the classes need to load, separated the same way (e.g. the output of "
                    + "mvn dependency:build-classpath). Not scanned.")
    String deps;

    @Option(names = "--release", defaultValue = DEFAULT_RELEASE, paramLabel = "LABEL",
            description = "The label of this build in the lockfile and report (default: ${DEFAULT-VALUE}).")
    String release;

    /**
     * @throws CommandFailure exit 2 when an entry does not exist or cannot be read; exit 1 when a {@code @Job}
     *     record is one the runtime would refuse (the runtime's message names it), as the check fails the build
     */
    ContractSet scan() {
        List<Path> roots = existing("--classpath", classpath);
        if (roots.isEmpty()) {
            throw CommandFailure.usage("--classpath is empty: give the build's classes, e.g. --classpath target/classes");
        }
        List<Path> all = new ArrayList<>(roots);
        all.addAll(existing("--deps", deps));
        try {
            return ContractScanner.scan(release, roots, all);
        } catch (UncheckedIOException e) {
            throw new CommandFailure(ExitCode.USAGE, "--classpath: " + e.getMessage(), e);
        } catch (BatonException | IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.NO, e.getMessage(), e);
        }
    }

    /** The label to show in a command people copy: the given one, or a placeholder for the default. */
    String releaseOrPlaceholder() {
        return DEFAULT_RELEASE.equals(release) ? "<release>" : release;
    }

    private static List<Path> existing(String option, String joined) {
        List<Path> paths = paths(joined);
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw CommandFailure.usage(option + ": no such directory or jar: " + path
                        + (option.equals("--classpath") ? " (compile first, e.g. mvn compile)" : ""));
            }
        }
        return paths;
    }

    private static List<Path> paths(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }
}
