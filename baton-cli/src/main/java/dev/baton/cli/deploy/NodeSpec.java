package dev.baton.cli.deploy;

import java.util.Objects;

/**
 * One node of a scenario's fleet.
 *
 * @param release {@code "n"} or {@code "n+1"}
 * @param name the node's place in the fleet: {@code web}, {@code worker-1}, {@code worker-2}
 * @param role {@code web} (enqueues) or {@code worker} (runs jobs)
 */
public record NodeSpec(String release, String name, String role) {

    public static final String N = "n";
    public static final String N1 = "n+1";

    public NodeSpec {
        Objects.requireNonNull(release, "release");
        if (!release.equals(N) && !release.equals(N1)) {
            throw new IllegalArgumentException("release must be \"n\" or \"n+1\", was " + release);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public static NodeSpec web(String release) {
        return new NodeSpec(release, "web", "web");
    }

    public static NodeSpec worker(String release, int number) {
        return new NodeSpec(release, "worker-" + number, "worker");
    }

    /** Unique in the fleet: the two releases of one place are two nodes, {@code web-n} and {@code web-n1}. */
    public String nodeId() {
        return name + "-" + (release.equals(N) ? "n" : "n1");
    }

    /** For progress lines: {@code N+1 worker-1}. */
    public String label() {
        return releaseLabel(release) + " " + name;
    }

    public static String releaseLabel(String release) {
        return release.equals(N) ? "N" : "N+1";
    }
}
