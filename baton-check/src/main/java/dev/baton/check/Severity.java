package dev.baton.check;

/** How bad a finding is, mildest first; reports list BREAKING first. */
public enum Severity {
    /** Nothing to do: every mix of releases reads every payload. */
    SAFE,
    /** Safe if the plan's steps are followed; a warning, or a failure as {@link FailOn} says. */
    NEEDS_STEPS,
    /** Some job in flight would not be read by the release that meets it. Change the code. */
    BREAKING
}
