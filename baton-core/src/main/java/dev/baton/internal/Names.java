package dev.baton.internal;

import java.util.regex.Pattern;

/** The rules for names that are stored: job types and queues. */
public final class Names {

    /** kebab-case: lower-case words of letters and digits joined by single hyphens. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Like a type, but '_' and '.' are also accepted as separators, as queue names often use them. */
    private static final Pattern QUEUE = Pattern.compile("[a-z][a-z0-9]*([-_.][a-z0-9]+)*");
    public static final int MAX_TYPE_LENGTH = 100;
    public static final int MAX_QUEUE_LENGTH = 64;

    private Names() {}

    /** @return null when valid, else what is wrong and how to fix it */
    public static String checkType(String name) {
        if (name == null || name.isEmpty()) {
            return "the job type name is empty: give a kebab-case name such as \"user-confirmation\"";
        }
        if (name.length() > MAX_TYPE_LENGTH) {
            return "job type name \"" + name + "\" is longer than " + MAX_TYPE_LENGTH + " characters";
        }
        if (!TYPE.matcher(name).matches()) {
            return "job type name \"" + name + "\" is not kebab-case: use lower-case letters, digits and single hyphens, "
                    + "starting with a letter, such as \"" + suggest(name) + "\"";
        }
        return null;
    }

    /** @return null when valid, else what is wrong and how to fix it */
    public static String checkQueue(String name) {
        if (name == null || name.isEmpty()) {
            return "the queue name is empty: give a name such as \"mailers\"";
        }
        if (name.length() > MAX_QUEUE_LENGTH) {
            return "queue name \"" + name + "\" is longer than " + MAX_QUEUE_LENGTH + " characters";
        }
        if (!QUEUE.matcher(name).matches()) {
            return "queue name \"" + name + "\" is not valid: use lower-case letters and digits, separated by single "
                    + "'-', '_' or '.', starting with a letter, such as \"" + suggest(name) + "\"";
        }
        return null;
    }

    /** A kebab-case form of a name, for error messages: "UserConfirmation" becomes "user-confirmation". */
    static String suggest(String name) {
        String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^[-0-9]+|-+$", "");
        return kebab.isEmpty() ? "my-job" : kebab;
    }
}
