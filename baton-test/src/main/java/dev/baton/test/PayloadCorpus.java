package dev.baton.test;

import dev.baton.PayloadException;
import dev.baton.Payloads;
import dev.baton.internal.JobTypeInfo;
import dev.baton.test.ReplayResult.Failure;
import dev.baton.test.ReplayResult.TypeVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payloads recorded in production, replayed against the current code: the reader, the contract and the
 * upcasters of this build. A test over a corpus fails the build when a change would make stored jobs
 * unreadable, for example an upcaster removed while v1 jobs still wait, or a field made required
 * without one.
 *
 * <p>The layout is {@code <dir>/<type>/v<version>/<anything>.json}, one JSON object per file, which is
 * what {@code baton jobs export --out <dir>} writes:
 *
 * <pre>{@code
 * PayloadCorpus.load(Path.of("src/test/resources/payloads"))
 *         .assertAllReadable(UserConfirmation.class, SendInvoice.class);
 * }</pre>
 *
 * <p>Files whose names do not end in {@code .json} are ignored (a README, say), as are hidden files and
 * directories. Anything else out of place is an error, since a payload the corpus silently skipped would
 * be a payload it does not guard.
 */
public final class PayloadCorpus {

    private static final Pattern VERSION_DIR = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final int FAILURES_LISTED = 10;

    private final Path dir;
    private final List<RecordedPayload> payloads;

    private PayloadCorpus(Path dir, List<RecordedPayload> payloads) {
        this.dir = dir;
        this.payloads = List.copyOf(payloads);
    }

    /**
     * Reads every payload under {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} does not exist or is not a directory, or when
     *     something in it is out of layout (a version directory not named {@code v<int>}, a {@code .json}
     *     file outside a version directory, a directory inside one); the message names the path
     * @throws UncheckedIOException when a file cannot be read
     */
    public static PayloadCorpus load(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new IllegalArgumentException("payload corpus " + root + " does not exist: record one with "
                    + "`baton jobs export --out " + root + "`, or check the path (relative paths resolve against "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("payload corpus " + root + " is not a directory: the layout is "
                    + "<dir>/<type>/v<version>/<anything>.json");
        }
        List<RecordedPayload> payloads = new ArrayList<>();
        for (Path typeDir : entries(root)) {
            if (!Files.isDirectory(typeDir)) {
                requireNotJson(typeDir, "directly in the corpus");
                continue;
            }
            String type = typeDir.getFileName().toString();
            for (Path versionDir : entries(typeDir)) {
                if (!Files.isDirectory(versionDir)) {
                    requireNotJson(versionDir, "in a type directory");
                    continue;
                }
                int version = version(versionDir);
                for (Path file : entries(versionDir)) {
                    if (Files.isDirectory(file)) {
                        throw new IllegalArgumentException("payload corpus: unexpected directory " + file + "; a version "
                                + "directory holds the payload files themselves, <dir>/<type>/v<version>/<anything>.json");
                    }
                    if (isJson(file)) {
                        payloads.add(new RecordedPayload(type, version, file, read(file)));
                    }
                }
            }
        }
        payloads.sort(Comparator.comparing(RecordedPayload::type)
                .thenComparingInt(RecordedPayload::version)
                .thenComparing(p -> p.file().getFileName().toString()));
        return new PayloadCorpus(root, payloads);
    }

    /** The corpus directory, absolute. */
    public Path dir() {
        return dir;
    }

    /** Every payload, sorted by type, version and file name. */
    public List<RecordedPayload> payloads() {
        return payloads;
    }

    /**
     * Reads every payload whose type is the name or an alias of one of {@code jobRecords} with
     * {@link Payloads#read}, as a node of this build would, and reports what read, what did not and what
     * no record answers to. Throws nothing for payloads that do not read: see {@link #assertAllReadable}.
     *
     * @throws IllegalArgumentException when no record is given, or two answer to the same stored name
     * @throws dev.baton.JobDefinitionException when a class is not a valid job record
     */
    public ReplayResult replay(Class<?>... jobRecords) {
        Map<String, Class<?>> byName = byStoredName(jobRecords);
        Map<TypeVersion, Integer> read = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        List<RecordedPayload> unmatched = new ArrayList<>();
        for (RecordedPayload payload : payloads) {
            Class<?> record = byName.get(payload.type());
            if (record == null) {
                unmatched.add(payload);
                continue;
            }
            try {
                Payloads.read(record, payload.version(), payload.json());
                read.merge(new TypeVersion(payload.type(), payload.version()), 1, Integer::sum);
            } catch (PayloadException e) {
                failures.add(new Failure(payload, e.getMessage(), e.field(), e));
            }
        }
        return new ReplayResult(read, failures, unmatched);
    }

    /**
     * Replays the corpus and fails unless every matched payload reads and at least one matched.
     *
     * @throws AssertionError naming the first payload that does not read (file, type, version, field and
     *     why) and how many do not; or saying that no payload matched, since an empty corpus guards nothing
     */
    public void assertAllReadable(Class<?>... jobRecords) {
        ReplayResult result = replay(jobRecords);
        if (result.matched() == 0) {
            throw new AssertionError(nothingMatched(jobRecords));
        }
        if (result.ok()) {
            return;
        }
        List<Failure> failures = result.failures();
        Failure first = failures.get(0);
        StringBuilder message = new StringBuilder()
                .append(failures.size()).append(" of ").append(result.matched())
                .append(" recorded payloads in ").append(dir).append(" do not read with the current code.\n")
                .append("First: ").append(first.payload().file()).append('\n')
                .append("  type ").append(first.payload().type()).append(", version ").append(first.payload().version())
                .append(first.field() == null ? "" : ", field \"" + first.field() + "\"").append('\n')
                .append("  ").append(first.message());
        if (failures.size() > 1) {
            message.append("\nAlso:");
            failures.stream().skip(1).limit(FAILURES_LISTED).forEach(failure -> message.append("\n  ")
                    .append(failure.payload().file()).append(": ").append(failure.message()));
            if (failures.size() - 1 > FAILURES_LISTED) {
                message.append("\n  and ").append(failures.size() - 1 - FAILURES_LISTED).append(" more");
            }
        }
        AssertionError error = new AssertionError(message.toString());
        // The cause carries an upcaster's stack trace when one threw.
        error.initCause(first.exception());
        throw error;
    }

    private String nothingMatched(Class<?>[] jobRecords) {
        String names = Stream.of(jobRecords).map(record -> JobTypeInfo.of(record).name()).collect(Collectors.joining(", "));
        if (payloads.isEmpty()) {
            return "payload corpus " + dir + " holds no payloads, so it guards nothing: record some with "
                    + "`baton jobs export --out " + dir + "` (layout <dir>/<type>/v<version>/<anything>.json)";
        }
        TreeSet<String> types = payloads.stream().map(RecordedPayload::type).collect(Collectors.toCollection(TreeSet::new));
        return "none of the " + payloads.size() + " recorded payloads in " + dir + " is of type " + names
                + " (or an alias), so the corpus guards nothing for them. Types in the corpus: " + types
                + ". Record some with `baton jobs export --out " + dir + " --type " + JobTypeInfo.of(jobRecords[0]).name()
                + "`, or check the directory names";
    }

    private static Map<String, Class<?>> byStoredName(Class<?>[] jobRecords) {
        if (jobRecords.length == 0) {
            throw new IllegalArgumentException("give the @Job records to replay the corpus against, "
                    + "such as replay(UserConfirmation.class)");
        }
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> record : jobRecords) {
            for (String name : JobTypeInfo.of(record).storedNames()) {
                Class<?> other = byName.putIfAbsent(name, record);
                if (other != null && other != record) {
                    throw new IllegalArgumentException(record.getName() + " and " + other.getName() + " both answer to "
                            + "the stored name \"" + name + "\"; a node would refuse to register both");
                }
            }
        }
        return byName;
    }

    private static int version(Path versionDir) {
        Matcher matcher = VERSION_DIR.matcher(versionDir.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("payload corpus: " + versionDir + " is not a version directory; name it "
                    + "v<version> with the payload version, such as v1 (layout <dir>/<type>/v<version>/<anything>.json)");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static void requireNotJson(Path file, String where) {
        if (isJson(file)) {
            throw new IllegalArgumentException("payload corpus: " + file + " is " + where + ", so its type or version "
                    + "is unknown; move it to <dir>/<type>/v<version>/");
        }
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().endsWith(".json");
    }

    /** Entries in name order, hidden ones left out: .git, .DS_Store and the like are not payloads. */
    private static List<Path> entries(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(entry -> entry.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recorded payload " + file, e);
        }
    }
}
