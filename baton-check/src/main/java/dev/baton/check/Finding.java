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

    /** Whether this finding makes {@code baton check} fail. */
    public boolean blocks() {
        return severity == Severity.BREAKING
                || (severity == Severity.NEEDS_STEPS && plan.stream().anyMatch(step -> !step.done()));
    }
}
