package dev.baton.contract;

import dev.baton.JobDefinitionException;
import dev.baton.internal.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of one (job type, version), derived from the job's record: what a payload of that version
 * holds. The runtime reads payloads with it ({@link ContractReader}); {@code baton check} diffs two of them.
 *
 * <p>Nothing Java-specific is in it: renaming the record class, moving its package or reordering its
 * components gives an equal contract with the same fingerprint. Aliases are kept sorted and fields sorted
 * by name, so two contracts are {@code equals} exactly when their canonical JSON is.
 *
 * @param type the stored job type name
 * @param version the payload version
 * @param queue the queue the type is enqueued on
 * @param aliases former type names, sorted
 * @param fields the payload's fields, sorted by name
 * @param fingerprint the first 16 hex digits of the SHA-256 of the canonical JSON without the fingerprint;
 *     pass {@code null} to have it computed, any other value is verified
 */
public record Contract(String type, int version, String queue, List<String> aliases, List<Field> fields,
        String fingerprint) {

    public Contract {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(queue, "queue");
        String problem = Names.checkType(type);
        if (problem == null && version < 1) {
            problem = "version is " + version + "; versions start at 1";
        }
        if (problem == null) {
            problem = Names.checkQueue(queue);
        }
        if (problem == null) {
            problem = aliasProblem(type, aliases);
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        aliases = aliases.stream().sorted().toList();
        fields = Shape.sortedByName(fields);
        String computed = CanonicalJson.fingerprint(type, version, queue, aliases, fields);
        if (fingerprint != null && !fingerprint.equals(computed)) {
            throw new IllegalArgumentException("fingerprint " + fingerprint + " does not match the content, whose "
                    + "fingerprint is " + computed);
        }
        fingerprint = computed;
    }

    /**
     * Derives the contract of a job record. See {@link ContractDerivation} for the rules.
     *
     * @throws JobDefinitionException when the class is not a valid job record, or a component has a type with
     *     no stable JSON form, or an invalid {@code @Default}
     */
    public static Contract of(Class<?> jobRecord) {
        return ContractDerivation.contractOf(jobRecord);
    }

    /**
     * Compact JSON with keys sorted and fields sorted by name; byte-identical for equal contracts:
     * <pre>{@code
     * {"aliases":[..],"fields":[{"default":..,"name":..,"required":..,"shape":{..}},..],"fingerprint":"..",
     *  "queue":"..","type":"..","version":N}
     * }</pre>
     * A shape holds only its non-null members: {@code enum, fields, format, items, nullable, type, values},
     * with {@code "nullable":false} written only for primitives. {@code default} is present only when optional.
     */
    public String canonicalJson() {
        return CanonicalJson.write(type, version, queue, aliases, fields, fingerprint);
    }

    /**
     * The inverse of {@link #canonicalJson()}.
     *
     * @throws ContractFormatException when the text is not a contract's canonical JSON, or its fingerprint
     *     does not match its content
     */
    public static Contract fromCanonicalJson(String json) {
        return CanonicalJsonParser.parse(json);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** @return null when the aliases are valid, else what is wrong */
    static String aliasProblem(String type, List<String> aliases) {
        Objects.requireNonNull(aliases, "aliases");
        for (String alias : aliases) {
            String problem = Names.checkType(alias);
            if (problem != null) {
                return "alias: " + problem;
            }
            if (alias.equals(type)) {
                return "alias \"" + alias + "\" is the type's own name: list only former names";
            }
        }
        if (new HashSet<>(aliases).size() != aliases.size()) {
            return "aliases " + aliases + " list a name twice";
        }
        return null;
    }
}
