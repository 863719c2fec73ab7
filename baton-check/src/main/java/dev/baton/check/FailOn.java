package dev.baton.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which findings make {@code baton check} fail (exit 1, a failed Maven build): the CLI's {@code --fail-on}
 * and the Maven plugin's {@code failOn}. A finding that needs steps but does not fail is a warning: its plan is
 * for the people deploying to follow.
 */
public enum FailOn {

    /**
     * BREAKING findings, and NEEDS_STEPS findings with a step the live store shows not yet done
     * ({@link Step#satisfied()} FALSE). Without a live store no step is known to be undone, so a NEEDS_STEPS
     * finding only warns. The default.
     */
    BREAKING("breaking"),
    /** BREAKING findings, and NEEDS_STEPS findings with any step not known to be done (unknown counts). */
    NEEDS_STEPS("needs-steps"),
    /** Nothing: the report is only printed. */
    NEVER("never");

    public static final FailOn DEFAULT = BREAKING;

    private final String label;

    FailOn(String label) {
        this.label = label;
    }

    /** As written on the command line and in a POM: {@code breaking}, {@code needs-steps}, {@code never}. */
    public String label() {
        return label;
    }

    /**
     * @param text a label, in any case; {@code needs_steps} is taken too
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static FailOn parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(value -> value.label.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"" + text + "\" is not one of " + labels()));
    }

    /** {@code breaking, needs-steps, never}. */
    public static String labels() {
        return Arrays.stream(values()).map(FailOn::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
