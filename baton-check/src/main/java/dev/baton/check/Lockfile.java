package dev.baton.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code baton.lock.json}, committed with the code: the contract sets of the releases that may still run or
 * still have jobs stored, newest first. {@code baton check} compares a build with them;
 * {@code baton snapshot} adds the build once it ships.
 *
 * @param releases newest first; release labels are unique
 */
public record Lockfile(List<ContractSet> releases) {

    /** The layout version written in the file, so that a later layout can be told apart. */
    static final int FORMAT = 1;
    public static final String FILE_NAME = "baton.lock.json";
    public static final int DEFAULT_KEEP = 3;

    public Lockfile {
        releases = List.copyOf(releases);
        Set<String> labels = new HashSet<>();
        for (ContractSet set : releases) {
            if (!labels.add(set.release())) {
                throw new IllegalArgumentException("the lockfile lists release " + set.release() + " twice");
            }
        }
    }

    public static Lockfile empty() {
        return new Lockfile(List.of());
    }

    /**
     * What {@code baton check} says on a project's first check, when there is no lockfile yet: every type is then
     * a {@code new-type} finding, a warning under the default {@link FailOn}.
     *
     * @param shown the lockfile's path as the user knows it, such as {@code baton.lock.json}
     * @param snapshot the command that records the build's contracts, such as
     *     {@code baton snapshot --classpath target/classes --release 2026.11.3}
     * @param alternative the other way to run it (the Maven goal or the CLI), or {@code null}
     */
    public static String missingMessage(String shown, String snapshot, String alternative) {
        return "no lockfile at " + shown + ": nothing to compare with yet, so every job type is new. Record this "
                + "build's contracts with `" + snapshot + "`" + (alternative == null ? "" : " (or `" + alternative + "`)")
                + ", commit the file, and later builds are checked against it.";
    }

    /** The newest release, the one a build is checked against first; {@code null} when empty. */
    public ContractSet newest() {
        return releases.isEmpty() ? null : releases.get(0);
    }

    /**
     * @return the lockfile at {@code path}, or an empty one when there is no file yet (a project's first check)
     * @throws CheckFormatException when the file is not a lockfile
     * @throws UncheckedIOException when it cannot be read
     */
    public static Lockfile read(Path path) {
        if (!Files.exists(path)) {
            return empty();
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return fromJson(text, path.toString());
    }

    /** Writes the file through a temporary one, so an interrupted write never leaves half a lockfile. */
    public void write(Path path) {
        Path absolute = path.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(absolute.getParent(), ".baton.lock", ".tmp");
            try {
                Files.writeString(temp, toJson(), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    public String toJson() {
        ObjectNode root = StableJson.NODES.objectNode();
        root.put("format", FORMAT);
        ArrayNode array = root.putArray("releases");
        releases.forEach(set -> array.add(set.toTree()));
        return StableJson.pretty(root);
    }

    public static Lockfile fromJson(String json, String where) {
        JsonNode root = StableJson.parse(json, where);
        if (!root.isObject()) {
            throw new CheckFormatException(where + " is not a JSON object", null);
        }
        int format = StableJson.integer(root, "format", where);
        if (format != FORMAT) {
            throw new CheckFormatException(where + " has format " + format + "; this version of Baton reads format "
                    + FORMAT + ": upgrade Baton", null);
        }
        List<ContractSet> releases = new ArrayList<>();
        for (JsonNode node : StableJson.array(root, "releases", where)) {
            releases.add(ContractSet.fromTree(node));
        }
        try {
            return new Lockfile(releases);
        } catch (IllegalArgumentException e) {
            throw new CheckFormatException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lockfile after {@code build} ships: it comes first, replacing a release with the same label (a
     * re-snapshot), and at most {@code keep} releases are kept.
     */
    public Lockfile withSnapshot(ContractSet build, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be 1 or more (the build itself), was " + keep);
        }
        List<ContractSet> next = new ArrayList<>();
        next.add(build);
        releases.stream().filter(set -> !set.release().equals(build.release())).forEach(next::add);
        return new Lockfile(next.subList(0, Math.min(keep, next.size())));
    }

    /**
     * Drops the older releases (all but the newest) that nothing live still needs. A release is needed while
     * a live node runs it, or while one of its own (type, version) pairs, one that no newer release also has,
     * is still read by a live node as its newest version or has unfinished jobs. Pairs a newer release shares
     * are not looked at: the store cannot tell whose payload a job is, and an unchanged type's steady traffic
     * would otherwise keep every release forever.
     */
    public Lockfile pruned(LiveState live) {
        if (releases.size() <= 1) {
            return this;
        }
        List<ContractSet> kept = new ArrayList<>();
        kept.add(releases.get(0));
        for (int i = 1; i < releases.size(); i++) {
            if (needed(releases.get(i), releases.subList(0, i), live)) {
                kept.add(releases.get(i));
            }
        }
        return new Lockfile(kept);
    }

    private static boolean needed(ContractSet release, List<ContractSet> newer, LiveState live) {
        if (live.liveNodes().stream().anyMatch(node -> node.release().equals(release.release()))) {
            return true;
        }
        Set<String> newerPairs = new HashSet<>();
        // A renamed type answers to its old name through an alias, so its pairs count under that name too.
        newer.forEach(set -> set.types().forEach(t -> {
            newerPairs.add(t.type() + "@" + t.version());
            t.contract().aliases().forEach(alias -> newerPairs.add(alias + "@" + t.version()));
        }));
        for (TypeDeclaration declaration : release.types()) {
            if (newerPairs.contains(declaration.type() + "@" + declaration.version())) {
                continue;
            }
            int version = declaration.version();
            List<String> names = new ArrayList<>(declaration.contract().aliases());
            names.add(declaration.type());
            for (String name : names) {
                boolean running = live.knowing(name).stream().anyMatch(t -> t.maxVersion() == version);
                if (running || live.unfinished(name, v -> v == version) > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
