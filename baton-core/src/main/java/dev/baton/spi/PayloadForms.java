package dev.baton.spi;

import java.util.Map;

/**
 * The rules of a job stored in several versions at once (a producer writing for a mixed fleet): the
 * newest version is the row's own, the older ones are contiguous below it, so that any reader whose range
 * meets [oldest, newest] finds a form it reads.
 */
public final class PayloadForms {

    private PayloadForms() {}

    /** @throws IllegalArgumentException when {@code forms} is not a contiguous run of versions below {@code version} */
    public static void check(int version, Map<Integer, String> forms) {
        int lowest = minVersion(version, forms);
        for (int v = lowest; v < version; v++) {
            if (forms.get(v) == null) {
                throw new IllegalArgumentException("forms must be every version from " + lowest + " to " + (version - 1)
                        + "; v" + v + " is missing (have " + forms.keySet() + ")");
            }
        }
        if (forms.size() != version - lowest) {
            throw new IllegalArgumentException("forms must all be below the job's version " + version + ", have "
                    + forms.keySet());
        }
    }

    public static int minVersion(int version, Map<Integer, String> forms) {
        return forms.keySet().stream().mapToInt(Integer::intValue).min().orElse(version);
    }

    /**
     * The version a reader that reads up to {@code newestReadable} takes: the row's own when it reads it,
     * else the newest older form it reads.
     */
    public static int versionFor(int version, Map<Integer, String> forms, int newestReadable) {
        if (newestReadable >= version) {
            return version;
        }
        return forms.containsKey(newestReadable) ? newestReadable : minVersion(version, forms);
    }
}
