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

    /** 1 when a finding fails the check under {@code failOn} ({@link Finding#blocks(FailOn)}), else 0. */
    public int exitCode(FailOn failOn) {
        return blocking(failOn).isEmpty() ? 0 : 1;
    }

    /** The findings that fail the check under {@code failOn}, in report order. */
    public List<Finding> blocking(FailOn failOn) {
        Objects.requireNonNull(failOn, "failOn");
        return findings.stream().filter(f -> f.blocks(failOn)).toList();
    }

    /** The findings that are warnings under {@code failOn} ({@link Finding#warns(FailOn)}), in report order. */
    public List<Finding> warnings(FailOn failOn) {
        Objects.requireNonNull(failOn, "failOn");
        return findings.stream().filter(f -> f.warns(failOn)).toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
