package dev.baton.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.contract.Contract;
import dev.baton.contract.ContractFormatException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The job types of one build: what {@code baton snapshot} records in the lockfile and {@code baton check}
 * compares.
 *
 * @param release the build's release label
 * @param types one declaration per type, sorted by type name
 */
public record ContractSet(String release, List<TypeDeclaration> types) {

    public ContractSet {
        Objects.requireNonNull(release, "release");
        if (release.isBlank()) {
            throw new IllegalArgumentException("the release label is blank");
        }
        types = types.stream().sorted(Comparator.comparing(TypeDeclaration::type)).toList();
        Map<String, String> owners = new HashMap<>();
        for (TypeDeclaration declaration : types) {
            // A stored name must lead to one type, or two workers would claim each other's jobs.
            for (String name : storedNames(declaration)) {
                String previous = owners.put(name, declaration.type());
                if (previous != null) {
                    throw new IllegalArgumentException("release " + release + ": the stored name \"" + name
                            + "\" belongs to both " + previous + " and " + declaration.type());
                }
            }
        }
    }

    /**
     * Derives the set from job records.
     *
     * @throws dev.baton.BatonException when a record is not a valid job or its caster chains are broken
     * @throws IllegalArgumentException when two records claim the same type name or alias
     */
    public static ContractSet of(String release, Collection<Class<?>> jobRecords) {
        List<TypeDeclaration> types = new ArrayList<>();
        Map<String, Class<?>> owners = new HashMap<>();
        for (Class<?> record : jobRecords) {
            TypeDeclaration declaration = TypeDeclaration.of(record);
            for (String name : storedNames(declaration)) {
                Class<?> previous = owners.put(name, record);
                if (previous != null && previous != record) {
                    // Named by class here: the records are what the user has to look at.
                    throw new IllegalArgumentException("release " + release + ": " + previous.getName() + " and "
                            + record.getName() + " both claim the stored name \"" + name + "\"; one build has one "
                            + "record per job type");
                }
            }
            types.add(declaration);
        }
        return new ContractSet(release, types);
    }

    /** The declaration of a type by its name (aliases not followed). */
    public Optional<TypeDeclaration> type(String name) {
        return types.stream().filter(t -> t.type().equals(name)).findFirst();
    }

    /** The declaration that claims jobs stored under {@code storedName}: by name first, else by alias. */
    public Optional<TypeDeclaration> claiming(String storedName) {
        return type(storedName).or(() -> types.stream().filter(t -> t.answersTo(storedName)).findFirst());
    }

    /** Pretty, sorted JSON with each contract as its canonical object; ends with a newline. */
    public String toJson() {
        return StableJson.pretty(toTree());
    }

    /**
     * @throws CheckFormatException when the text is not a contract set, or a contract's fingerprint does not
     *     match its content (the file was edited by hand)
     */
    public static ContractSet fromJson(String json) {
        return fromTree(StableJson.parse(json, "the contract set"));
    }

    ObjectNode toTree() {
        ObjectNode root = StableJson.NODES.objectNode();
        root.put("release", release);
        ArrayNode array = root.putArray("types");
        for (TypeDeclaration declaration : types) {
            ObjectNode node = array.addObject();
            node.set("contract", StableJson.parse(declaration.contract().canonicalJson(), "a canonical contract"));
            node.put("readsFrom", declaration.readsFrom());
            node.put("retired", declaration.retired());
            node.put("writesDownTo", declaration.writesDownTo());
        }
        return root;
    }

    static ContractSet fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new CheckFormatException("a contract set is not a JSON object", null);
        }
        String release = StableJson.text(root, "release", "contract set");
        String where = "release " + release;
        List<TypeDeclaration> types = new ArrayList<>();
        for (JsonNode node : StableJson.array(root, "types", where)) {
            Contract contract;
            try {
                contract = Contract.fromCanonicalJson(StableJson.compact(StableJson.require(node, "contract", where)));
            } catch (ContractFormatException e) {
                throw new CheckFormatException(where + ": " + e.getMessage(), e);
            }
            String at = where + ", type " + contract.type();
            try {
                types.add(new TypeDeclaration(contract, StableJson.integer(node, "readsFrom", at),
                        StableJson.integer(node, "writesDownTo", at), StableJson.bool(node, "retired", at)));
            } catch (IllegalArgumentException e) {
                throw new CheckFormatException(at + ": " + e.getMessage(), e);
            }
        }
        try {
            return new ContractSet(release, types);
        } catch (IllegalArgumentException e) {
            throw new CheckFormatException(e.getMessage(), e);
        }
    }

    private static List<String> storedNames(TypeDeclaration declaration) {
        List<String> names = new ArrayList<>(declaration.contract().aliases());
        names.add(0, declaration.type());
        return names;
    }
}
