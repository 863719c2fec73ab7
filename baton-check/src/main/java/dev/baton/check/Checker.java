package dev.baton.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code baton check}: compares a build's contracts with the releases in the lockfile and says which
 * change breaks which direction of a rolling deploy, and the plan that makes it safe.
 *
 * <p>The newest release N is what the build (N+1) meets in a rolling deploy: every rule runs against it.
 * Older kept releases may still have payloads in flight, so the "old payload -> new worker" rules run against
 * them too. Every type whose declaration differs from N's gets at least one finding, safe ones included, so
 * that a reviewer sees the whole change. Pure: the live store's state, when wanted, is read by the caller and
 * passed in.
 */
public final class Checker {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.severity().ordinal(), Comparator.reverseOrder())
            .thenComparing(Finding::type)
            .thenComparing(Finding::rule)
            .thenComparing(f -> Objects.toString(f.field(), ""))
            .thenComparing(f -> f.fromVersion() == null ? 0 : f.fromVersion());

    private Checker() {}

    /**
     * @param build the contracts of the build being checked
     * @param lock the releases it must work alongside, newest first; empty on a project's first check
     * @param liveOrNull the live store's state, or {@code null} to leave live-dependent steps unknown
     */
    public static Report check(ContractSet build, Lockfile lock, LiveState liveOrNull) {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(lock, "lock");
        Map<String, Finding> findings = new LinkedHashMap<>();
        ContractSet newest = lock.newest();
        if (newest == null) {
            TypeSetRules.check(List.of(), build.types(), null, liveOrNull, true).forEach(f -> add(findings, f));
        } else {
            compare(newest, build, liveOrNull, true).forEach(f -> add(findings, f));
            for (ContractSet older : lock.releases().subList(1, lock.releases().size())) {
                compare(older, build, liveOrNull, false).stream()
                        // What an older release adds is only its payloads still in flight meeting this build's
                        // workers; its workers are gone, or the newest release would say so.
                        .filter(f -> f.direction() == Direction.OLD_PAYLOAD_NEW_WORKER)
                        .forEach(f -> add(findings, f));
            }
        }
        return new Report(build.release(), findings.values().stream().sorted(ORDER).toList());
    }

    private static List<Finding> compare(ContractSet old, ContractSet build, LiveState live, boolean newest) {
        List<Finding> findings = new ArrayList<>();
        List<TypeDeclaration> removed = new ArrayList<>();
        List<String> claimed = new ArrayList<>();
        for (TypeDeclaration before : old.types()) {
            Optional<TypeDeclaration> after = build.claiming(before.type());
            if (after.isEmpty()) {
                removed.add(before);
                continue;
            }
            claimed.add(after.get().type());
            Pair pair = new Pair(before, after.get(), old.release(), build.release(), live);
            List<Finding> found = new ArrayList<>(VersionRules.check(pair));
            boolean sameContent = before.contract().fields().equals(after.get().contract().fields());
            if (before.version() == after.get().version() && !sameContent) {
                found.addAll(FieldRules.check(pair));
            }
            found.addAll(NameRules.check(pair, newest));
            found.addAll(RetirementRules.check(pair, newest));
            if (newest) {
                // Every changed type is listed, safe ones too, so a reviewer sees the whole change.
                found.addAll(Changes.unreported(pair, found));
            }
            findings.addAll(found);
        }
        List<TypeDeclaration> added = build.types().stream().filter(t -> !claimed.contains(t.type())).toList();
        findings.addAll(TypeSetRules.check(removed, added, old.release(), live, newest));
        return findings;
    }

    /** The first finding of a kind wins: the newest release's wording, then older ones' only if new. */
    private static void add(Map<String, Finding> findings, Finding finding) {
        String key = String.join("|", finding.rule(), finding.type(), Objects.toString(finding.field()),
                Objects.toString(finding.fromVersion()), Objects.toString(finding.toVersion()),
                finding.direction().name());
        findings.putIfAbsent(key, finding);
    }
}
