package dev.baton.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The notes and errors of one store's runs. An error is a result that cannot be trusted (a count that does
 * not match); it is printed and makes {@code bench} exit 1, never dropped.
 */
final class Findings {

    private final List<String> notes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    synchronized void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    synchronized void error(String error) {
        if (!errors.contains(error)) {
            errors.add(error);
        }
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}
