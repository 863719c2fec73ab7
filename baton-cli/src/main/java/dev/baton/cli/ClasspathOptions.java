package dev.baton.cli;

import dev.baton.check.ContractScanner;
import dev.baton.check.ContractSet;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a build's job records are: its own classes (scanned) and its dependencies (only loaded). */
final class ClasspathOptions {

    @Option(names = "--classpath", required = true, paramLabel = "PATHS",
            description = "The build's own classes: directories or jars, separated by the platform's path separator "
                    + "(':' on Unix), e.g. target/classes. Every @Job record in them is checked.")
    String classpath;

    @Option(names = "--deps", paramLabel = "PATHS",
            description = "Dependencies the classes need to load, separated the same way (e.g. the output of "
                    + "mvn dependency:build-classpath). Not scanned.")
    String deps;

    @Option(names = "--release", defaultValue = "build", paramLabel = "LABEL",
            description = "The label of this build in the lockfile and report (default: ${DEFAULT-VALUE}).")
    String release;

    ContractSet scan() {
        List<Path> roots = paths(classpath);
        List<Path> all = new ArrayList<>(roots);
        all.addAll(paths(deps));
        return ContractScanner.scan(release, roots, all);
    }

    private static List<Path> paths(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }
}
