package dev.baton.check;

import dev.baton.contract.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The last rule of a pair: every type whose declaration changed gets a finding, so that a reviewer sees each
 * changed type. A type no other rule reported gets a SAFE {@code type-changed} finding naming what changed
 * (a default, an alias added, a caster added, a retirement undone); those changes break nothing in flight.
 */
final class Changes {

    private Changes() {}

    /**
     * @param reported the findings the other rules made for this pair
     * @return a SAFE finding naming the change when the declarations differ and nothing was reported
     */
    static List<Finding> unreported(Pair pair, List<Finding> reported) {
        if (pair.old().equals(pair.now()) || reported.stream().anyMatch(f -> f.type().equals(pair.type()))) {
            return List.of();
        }
        List<String> changes = declaration(pair);
        if (changes.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding("type-changed", Severity.SAFE, pair.type(), pair.old().version(),
                pair.now().version(), Direction.NONE, null, String.join("; ", changes), null, List.of()));
    }

    /** What differs between the two declarations, one clause each, in words a reviewer reads. */
    static List<String> declaration(Pair pair) {
        TypeDeclaration old = pair.old();
        TypeDeclaration now = pair.now();
        String n = pair.release();
        List<String> changes = new ArrayList<>();
        if (old.version() != now.version()) {
            changes.add("goes from v" + old.version() + " to v" + now.version());
        }
        String fields = fields(old.contract().fields(), now.contract().fields());
        if (!fields.isEmpty()) {
            changes.add("v" + now.version() + " " + fields);
        }
        if (!old.contract().queue().equals(now.contract().queue())) {
            changes.add("moves from queue " + old.contract().queue() + " to " + now.contract().queue());
        }
        for (String alias : now.contract().aliases()) {
            if (!old.answersTo(alias)) {
                changes.add("also claims jobs stored as " + alias + " (aliases = \"" + alias + "\")");
            }
        }
        for (String alias : old.contract().aliases()) {
            if (!now.answersTo(alias)) {
                changes.add("no longer claims jobs stored as " + alias);
            }
        }
        if (old.retired() && !now.retired()) {
            changes.add("was @Retired in " + n + " and is handled again: " + n + "'s no-op reader only takes its jobs "
                    + "while no live node has a real handler for it");
        } else if (!old.retired() && now.retired()) {
            changes.add("is @Retired");
        }
        if (now.readsFrom() < old.readsFrom()) {
            changes.add("reads from v" + now.readsFrom() + " (" + n + " from v" + old.readsFrom()
                    + "): an upcaster was added");
        } else if (now.readsFrom() > old.readsFrom()) {
            changes.add("reads from v" + now.readsFrom() + " (" + n + " from v" + old.readsFrom() + ")");
        }
        if (now.writesDownTo() < old.writesDownTo()) {
            changes.add("writes down to v" + now.writesDownTo() + " (" + n + " down to v" + old.writesDownTo()
                    + "): a downcaster was added");
        } else if (now.writesDownTo() > old.writesDownTo()) {
            changes.add("writes down to v" + now.writesDownTo() + " only (" + n + " down to v" + old.writesDownTo()
                    + "): older releases' workers are gone, so nothing reads what it no longer writes");
        }
        return changes;
    }

    /**
     * The fields' changes by JSON name, such as {@code adds date, removes msg, changes the default of x from 1
     * to 2}; empty when equal.
     */
    static String fields(List<Field> before, List<Field> after) {
        Map<String, Field> old = byName(before);
        Map<String, Field> now = byName(after);
        List<String> parts = new ArrayList<>();
        List<String> added = now.keySet().stream().filter(name -> !old.containsKey(name)).toList();
        List<String> removed = old.keySet().stream().filter(name -> !now.containsKey(name)).toList();
        if (!added.isEmpty()) {
            parts.add("adds " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removes " + String.join(", ", removed));
        }
        for (Field was : old.values()) {
            Field is = now.get(was.name());
            if (is == null || is.equals(was)) {
                continue;
            }
            if (is.shape().equals(was.shape()) && is.required() == was.required()) {
                parts.add("changes the default of " + is.name() + " from " + was.defaultValue() + " to "
                        + is.defaultValue());
            } else {
                parts.add("changes " + is.name());
            }
        }
        return String.join(", ", parts);
    }

    private static Map<String, Field> byName(List<Field> fields) {
        Map<String, Field> map = new TreeMap<>();
        fields.forEach(field -> map.put(Objects.requireNonNull(field.name()), field));
        return map;
    }
}
