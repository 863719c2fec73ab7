package dev.baton.check;

import dev.baton.contract.Field;
import dev.baton.contract.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rules for a type whose version did not change but whose fields did: both releases then read and write
 * the same version number, so every field difference meets a worker of the other release unconverted.
 * Fields are matched by JSON name.
 */
final class FieldRules {

    private FieldRules() {}

    static List<Finding> check(Pair pair) {
        Map<String, Field> before = byName(pair.old().contract().fields());
        Map<String, Field> after = byName(pair.now().contract().fields());
        List<Field> removed = before.values().stream().filter(f -> !after.containsKey(f.name())).toList();
        List<Field> added = after.values().stream().filter(f -> !before.containsKey(f.name())).toList();
        List<Finding> findings = new ArrayList<>();
        if (removed.size() == 1 && added.size() == 1 && removed.get(0).shape().equals(added.get(0).shape())) {
            findings.add(renamed(pair, removed.get(0), added.get(0)));
        } else {
            added.forEach(field -> findings.add(field.required() ? requiredAdded(pair, field) : optionalAdded(pair, field)));
            removed.forEach(field -> findings.add(removed(pair, field)));
        }
        for (Field old : before.values()) {
            Field now = after.get(old.name());
            if (now == null) {
                continue;
            }
            if (!old.shape().equals(now.shape())) {
                findings.add(typeChanged(pair, old, now));
            }
            if (old.required() != now.required()) {
                findings.add(optionalityChanged(pair, old, now));
            }
        }
        return findings;
    }

    private static Finding requiredAdded(Pair pair, Field field) {
        int v = pair.now().version();
        return finding(pair, "required-field-added", Severity.BREAKING, Direction.OLD_PAYLOAD_NEW_WORKER, field,
                "v" + v + " payloads written by " + pair.release() + " lack the required field " + field.name()
                        + " (" + describe(field.shape()) + "), so this build's workers would reject them",
                "add @Default(\"...\") to " + field.name() + " or make it Optional, or raise " + pair.type()
                        + " to version " + (v + 1) + " with @Upcast(from = " + v + ") supplying " + field.name(),
                List.of());
    }

    private static Finding optionalAdded(Pair pair, Field field) {
        return finding(pair, "optional-field-added", Severity.SAFE, Direction.NONE, field,
                "the new field " + field.name() + " is optional (default " + field.defaultValue() + "): this build "
                        + "fills it in when a payload of " + pair.release() + " lacks it, and " + pair.release()
                        + "'s workers ignore it",
                null, List.of());
    }

    private static Finding removed(Pair pair, Field field) {
        int v = pair.now().version();
        if (!field.required()) {
            return finding(pair, "field-removed", Severity.SAFE, Direction.NONE, field,
                    field.name() + " was optional in " + pair.release() + " (default " + field.defaultValue()
                            + "), so its workers read this build's payloads without it, and this build ignores it",
                    null, List.of());
        }
        return finding(pair, "field-removed", Severity.BREAKING, Direction.NEW_PAYLOAD_OLD_WORKER, field,
                pair.release() + "'s workers require " + field.name() + " (" + describe(field.shape())
                        + "), which this build's v" + v + " payloads no longer carry",
                "raise " + pair.type() + " to version " + (v + 1) + " with @Downcast(from = " + (v + 1) + ") supplying "
                        + field.name() + " (and @Upcast(from = " + v + ") dropping it), or first make " + field.name()
                        + " optional with @Default in a release of its own",
                List.of());
    }

    private static Finding renamed(Pair pair, Field old, Field now) {
        int v = pair.now().version();
        return finding(pair, "field-renamed", Severity.BREAKING, Direction.OLD_PAYLOAD_NEW_WORKER, now,
                old.name() + " looks renamed to " + now.name() + " (both " + describe(now.shape()) + "): v" + v
                        + " payloads of " + pair.release() + " carry " + old.name() + ", not " + now.name()
                        + " (old payload -> new worker), and " + pair.release() + "'s workers need " + old.name()
                        + " in this build's payloads (new payload -> old worker)",
                "keep the stored name with @JsonProperty(\"" + old.name() + "\") on " + now.name() + ", or raise "
                        + pair.type() + " to version " + (v + 1) + " with @Upcast(from = " + v + ") renaming "
                        + old.name() + " to " + now.name() + " and @Downcast(from = " + (v + 1) + ") renaming it back",
                List.of());
    }

    private static Finding typeChanged(Pair pair, Field old, Field now) {
        int v = pair.now().version();
        String was = describe(old.shape(), now.shape());
        String is = describe(now.shape(), old.shape());
        String change = now.name() + " changes from " + was + " to " + is;
        if (Widening.isWidening(old.shape(), now.shape())) {
            return finding(pair, "field-type-changed", Severity.NEEDS_STEPS, Direction.NEW_PAYLOAD_OLD_WORKER, now,
                    change + ", a widening: " + pair.release() + "'s payloads read fine, but a value this build "
                            + "writes may not fit " + pair.release() + "'s workers, which hand such jobs back unread",
                    "deploy workers before producers (the plan below), or raise " + pair.type() + " to version "
                            + (v + 1) + " with @Upcast(from = " + v + ") and a @Downcast(from = " + (v + 1)
                            + ") that narrows " + now.name(),
                    List.of(pair.deployWorkersFirst()));
        }
        return finding(pair, "field-type-changed", Severity.BREAKING, Direction.OLD_PAYLOAD_NEW_WORKER, now,
                change + ": v" + v + " payloads of " + pair.release() + " hold " + was
                        + ", which this build's workers cannot read as " + is,
                "keep " + now.name() + " as " + was + ", or raise " + pair.type() + " to version "
                        + (v + 1) + " with @Upcast(from = " + v + ") converting " + now.name()
                        + " and @Downcast(from = " + (v + 1) + ") converting it back",
                List.of());
    }

    private static Finding optionalityChanged(Pair pair, Field old, Field now) {
        int v = pair.now().version();
        if (old.required()) {
            return finding(pair, "optionality-changed", Severity.NEEDS_STEPS, Direction.NEW_PAYLOAD_OLD_WORKER, now,
                    now.name() + " becomes optional: this build may write it as null (an empty Optional) or leave it "
                            + "out, and " + pair.release() + "'s workers, which require it, would hand such jobs back unread",
                    "deploy workers before producers (the plan below), or keep " + now.name() + " required until "
                            + pair.release() + "'s workers are gone",
                    List.of(pair.deployWorkersFirst()));
        }
        return finding(pair, "optionality-changed", Severity.BREAKING, Direction.OLD_PAYLOAD_NEW_WORKER, now,
                now.name() + " becomes required: payloads of " + pair.release() + " may lack it (its default was "
                        + old.defaultValue() + "), and this build's workers would reject them",
                "keep " + now.name() + " optional (@Default or Optional), or raise " + pair.type() + " to version "
                        + (v + 1) + " with @Upcast(from = " + v + ") supplying " + now.name(),
                List.of());
    }

    private static Finding finding(Pair pair, String rule, Severity severity, Direction direction, Field field,
            String explanation, String fix, List<Step> plan) {
        return new Finding(rule, severity, pair.type(), pair.old().version(), pair.now().version(), direction,
                field.name(), explanation, fix, plan);
    }

    /** For explanations: core's description, without the redundant format of a plain string. */
    static String describe(Shape shape) {
        return shape.describe().replace("string (string)", "string");
    }

    /** Says which side admits null only when that is part of the change, which the plain words would hide. */
    private static String describe(Shape shape, Shape other) {
        boolean onlyNullability = shape.nullable() != other.nullable()
                && shape.withNullable(true).equals(other.withNullable(true));
        return describe(shape) + (!onlyNullability ? "" : shape.nullable() ? ", nullable" : ", not null");
    }

    private static Map<String, Field> byName(List<Field> fields) {
        Map<String, Field> map = new TreeMap<>();
        fields.forEach(field -> map.put(field.name(), field));
        return map;
    }
}
