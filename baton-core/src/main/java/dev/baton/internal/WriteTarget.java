package dev.baton.internal;

/**
 * What a producer writes for one job type: the stored name, the payload version, the queue, and the
 * oldest version it also stores a form in ({@code minVersion} below {@code version} while the live fleet
 * is mixed: older workers take their own version's form, newer ones the producer's own).
 */
record WriteTarget(String type, int version, String queue, int minVersion) {

    WriteTarget(String type, int version, String queue) {
        this(type, version, queue, version);
    }

    boolean multiForm() {
        return minVersion < version;
    }
}
