package dev.baton.cli.deploy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the example app's two releases are: {@code <examples>/shop-n/target/shop-n.jar} and its N+1 twin. */
public record ExampleJars(Path n, Path n1) {

    public static final String BUILD_COMMAND = "mvn -B -q package -DskipTests";

    /**
     * The jars in {@code examples}; without it, in {@code ./examples}, or else in the checkout this CLI's jar
     * was built in ({@code <repo>/baton-cli/target/baton.jar} next to {@code <repo>/examples}), so that
     * {@code ./baton demo} works from any directory.
     */
    /**
     * The jars, or {@code null} after telling {@code err} which are missing and how to build them: both
     * demo and simulate need the two releases and say the same when they are not there.
     */
    public static ExampleJars locateOrExplain(Path examples, java.io.PrintWriter err) {
        ExampleJars jars = locate(examples);
        if (!jars.missing().isEmpty()) {
            err.println("baton: the example app's jars are missing: " + jars.missing() + "; build them first: "
                    + BUILD_COMMAND);
            return null;
        }
        return jars;
    }

    public static ExampleJars locate(Path examples) {
        if (examples != null) {
            return in(examples);
        }
        ExampleJars here = in(Path.of("examples"));
        if (here.missing().isEmpty()) {
            return here;
        }
        return checkoutExamples().map(ExampleJars::in).filter(jars -> jars.missing().isEmpty()).orElse(here);
    }

    private static Optional<Path> checkoutExamples() {
        try {
            Path jar = Path.of(ExampleJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = jar.getParent();
            Path module = target == null ? null : target.getParent();
            Path repo = module == null ? null : module.getParent();
            return repo == null ? Optional.empty() : Optional.of(repo.resolve("examples"));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static ExampleJars in(Path examples) {
        return new ExampleJars(examples.resolve("shop-n").resolve("target").resolve("shop-n.jar"),
                examples.resolve("shop-n1").resolve("target").resolve("shop-n1.jar"));
    }

    public List<Path> missing() {
        return List.of(n, n1).stream().filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    /** By release: {@code "n"} and {@code "n+1"}. */
    public Map<String, Path> byRelease() {
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put(NodeSpec.N, n);
        jars.put(NodeSpec.N1, n1);
        return jars;
    }
}
