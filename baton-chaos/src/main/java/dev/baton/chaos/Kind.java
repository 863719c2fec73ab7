package dev.baton.chaos;

/** The two kinds of job, as the record tables name them. */
enum Kind {
    PLAIN("plain"),
    TX("tx");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
