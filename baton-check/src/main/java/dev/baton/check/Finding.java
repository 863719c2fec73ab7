package dev.baton.check;

import java.util.List;
import java.util.Objects;

/**
 * One thing {@code baton check} found about one job type.
 *
 * @param rule the rule id, such as {@code required-field-added}
 * @param severity how bad it is
 * @param type the job type name (for a rename, the new name)
 * @param fromVersion the version in the older release; {@code null} for a type the older release lacks
 * @param toVersion the version in this build; {@code null} for a type this build lacks
 * @param direction the meeting of releases that breaks
 * @param field the payload field concerned, {@code null} when the finding is about the whole type
 * @param explanation one sentence: what would happen
 * @param fix the code change that makes it safe; {@code null} when nothing needs changing
 * @param plan the deploy steps, in order; empty when there are none
 */
public record Finding(String rule, Severity severity, String type, Integer fromVersion, Integer toVersion,
        Direction direction, String field, String explanation, String fix, List<Step> plan) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(explanation, "explanation");
        plan = List.copyOf(plan);
    }

    /** Whether this finding makes {@code baton check} fail under {@code failOn}; see {@link FailOn}. */
    public boolean blocks(FailOn failOn) {
        return switch (failOn) {
            case BREAKING -> severity == Severity.BREAKING || (severity == Severity.NEEDS_STEPS && unsatisfied());
            case NEEDS_STEPS -> severity == Severity.BREAKING
                    || (severity == Severity.NEEDS_STEPS && plan.stream().anyMatch(step -> !step.done()));
            case NEVER -> false;
        };
    }

    /**
     * Whether this is a warning under {@code failOn}: it needs steps, does not fail the check, and the live
     * store does not show one of its steps undone. Reports print it as a warning (Maven: at WARN).
     */
    public boolean warns(FailOn failOn) {
        return severity == Severity.NEEDS_STEPS && !blocks(failOn) && !unsatisfied();
    }

    /** Whether the live store shows a step of the plan not yet done ({@link Step#satisfied()} FALSE). */
    public boolean unsatisfied() {
        return plan.stream().anyMatch(step -> Boolean.FALSE.equals(step.satisfied()));
    }
}
