package dev.baton.check;

import java.util.List;
import java.util.Objects;

/**
 * What {@code baton check} found for one build.
 *
 * @param release the build's release label
 * @param findings BREAKING first, then NEEDS_STEPS, then SAFE; by type and rule within each
 */
public record Report(String release, List<Finding> findings) {

    public Report {
        Objects.requireNonNull(release, "release");
        findings = List.copyOf(findings);
    }

    /**
     * 1 when a finding is BREAKING, or NEEDS_STEPS with a step not known to be done; else 0. A step is
     * only known done with live state, so without it any NEEDS_STEPS finding fails the check: the plan
     * must be followed before the build can go out.
     */
    public int exitCode() {
        return findings.stream().anyMatch(Finding::blocks) ? 1 : 0;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
