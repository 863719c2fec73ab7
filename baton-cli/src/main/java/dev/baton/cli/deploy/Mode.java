package dev.baton.cli.deploy;

/**
 * Who runs a scenario's jobs: Baton as it ships, or one of the two honest conventional baselines (the
 * example's {@code ConventionalQueue}, Sidekiq's retry schedule, producers writing their current version).
 */
public enum Mode {
    /** Baton's protections on. */
    PROTECTED(true, null, "protected (Baton)"),
    /** Positional arguments, as Sidekiq, Resque and ActiveJob call {@code perform}. */
    STRICT(false, "strict", "conventional, strict arguments"),
    /** A parameter hash: unknown fields ignored, missing ones null or 0. */
    TOLERANT(false, "tolerant", "conventional, tolerant reading");

    private final boolean protect;
    private final String reading;
    private final String title;

    Mode(boolean protect, String reading, String title) {
        this.protect = protect;
        this.reading = reading;
        this.title = title;
    }

    public boolean protect() {
        return protect;
    }

    /** The conventional queue's reading, as the app's {@code reading} setting; {@code null} for Baton. */
    public String reading() {
        return reading;
    }

    /** The column group's title in the report. */
    public String title() {
        return title;
    }

    /** As in progress lines, file names and JSON: {@code protected}, {@code strict}, {@code tolerant}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
