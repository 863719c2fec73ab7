package dev.baton.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.baton.Default;
import dev.baton.Job;
import dev.baton.JobDefinitionException;
import dev.baton.internal.JobTypeInfo;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives a {@link Contract} from a job record: each component becomes a field named as Jackson names it,
 * with the shape of its type (see {@link JavaTypes}). A component is optional when it is an Optional
 * (default null) or has {@link Default} (see {@link Defaults}); otherwise it is required. Nested records
 * follow the same rules and need no {@code @Job}.
 */
final class ContractDerivation {

    private static final Set<Class<?>> OPTIONALS = Set.of(Optional.class, OptionalInt.class, OptionalLong.class,
            OptionalDouble.class);

    private final Class<?> jobRecord;
    /** The records being derived, outermost first: a record met again is a recursive one. */
    private final List<Class<?>> inProgress = new ArrayList<>();

    private ContractDerivation(Class<?> jobRecord) {
        this.jobRecord = jobRecord;
    }

    static Contract contractOf(Class<?> jobRecord) {
        JobTypeInfo info = JobTypeInfo.of(jobRecord);
        List<String> aliases = List.of(jobRecord.getAnnotation(Job.class).aliases());
        String aliasProblem = Contract.aliasProblem(info.name(), aliases);
        if (aliasProblem != null) {
            throw new JobDefinitionException(jobRecord, "@Job " + aliasProblem);
        }
        List<Field> fields = new ContractDerivation(jobRecord).recordFields(jobRecord, "");
        return new Contract(info.name(), info.version(), info.queue(), aliases, fields, null);
    }

    /** The fields of a record; prefix is the component path leading to it ("" for the job record). */
    List<Field> recordFields(Class<?> record, String prefix) {
        if (inProgress.contains(record)) {
            List<Class<?>> cycle = new ArrayList<>(inProgress.subList(inProgress.indexOf(record), inProgress.size()));
            cycle.add(record);
            throw definitionError(prefix, "record " + record.getName() + " contains itself ("
                    + cycle.stream().map(Class::getSimpleName).collect(Collectors.joining(" -> "))
                    + "): a payload must be a tree of fixed shape; store an id or a list of plain records instead");
        }
        JacksonAnnotations.checkRecord(record).ifPresent(problem -> {
            throw definitionError(prefix, problem);
        });
        inProgress.add(record);
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            Field field = field(component, path);
            if (!names.add(field.name())) {
                throw definitionError(path, "its JSON name \"" + field.name() + "\" is also used by another component "
                        + "of " + record.getSimpleName() + ": give each a distinct @JsonProperty name");
            }
            fields.add(field);
        }
        inProgress.remove(inProgress.size() - 1);
        return fields;
    }

    private Field field(RecordComponent component, String path) {
        JacksonAnnotations.checkComponent(component).ifPresent(problem -> {
            throw definitionError(path, problem);
        });
        Shape shape = shape(component.getGenericType(), component, path);
        Default declared = component.getAnnotation(Default.class);
        JsonNode defaultValue = null;
        if (declared != null) {
            try {
                defaultValue = Defaults.parse(declared.value(), shape);
            } catch (IllegalArgumentException e) {
                throw definitionError(path, "@Default(\"" + declared.value() + "\") is not a valid default for "
                        + shape.describe() + ": the value " + e.getMessage());
            }
        } else if (OPTIONALS.contains(component.getType())) {
            defaultValue = NullNode.getInstance();
        }
        return new Field(JacksonAnnotations.jsonName(component), shape, defaultValue == null, defaultValue);
    }

    private Shape shape(Type type, RecordComponent component, String path) {
        if (type instanceof Class<?> plain) {
            if (plain.isRecord() && plain.getTypeParameters().length == 0) {
                return Shape.recordOf(recordFields(plain, path));
            }
            if (plain.isArray() && JavaTypes.scalar(plain) == null) {
                return Shape.arrayOf(shape(plain.getComponentType(), component, path));
            }
            return JavaTypes.scalar(plain) != null ? JavaTypes.scalar(plain)
                    : fail(component, path, type, JavaTypes.whyNot(plain));
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == Optional.class) {
                return shape(arguments[0], component, path).withNullable(true);
            }
            if (JavaTypes.COLLECTIONS.contains(raw)) {
                return Shape.arrayOf(shape(arguments[0], component, path));
            }
            if (JavaTypes.MAPS.contains(raw)) {
                if (!JavaTypes.isMapKey(arguments[0])) {
                    return fail(component, path, arguments[0], "cannot be a map key: JSON object keys are strings, "
                            + "so use String, an enum, UUID, Integer or Long");
                }
                return Shape.mapOf(shape(arguments[1], component, path));
            }
            return fail(component, path, type, raw.isRecord()
                    ? "is a generic record: a payload needs concrete types, so declare the record's components "
                            + "with them"
                    : JavaTypes.whyNot(raw));
        }
        if (type instanceof GenericArrayType array) {
            return Shape.arrayOf(shape(array.getGenericComponentType(), component, path));
        }
        if (type instanceof WildcardType) {
            return fail(component, path, type, "is a wildcard: use the exact type, such as List<String>");
        }
        if (type instanceof TypeVariable<?>) {
            return fail(component, path, type, "is a type variable: a payload needs concrete types, so job records "
                    + "and the records in them cannot be generic");
        }
        return fail(component, path, type, "is not a kind of type a contract supports");
    }

    private Shape fail(RecordComponent component, String path, Type unsupported, String why) {
        String declared = component.getGenericType().getTypeName();
        String part = unsupported.getTypeName();
        String which = declared.equals(part) ? ", which " : ", in which " + part + " ";
        throw definitionError(path, "has type " + declared + which
                + why + "; use a record or plain data type such as String, long, BigDecimal, LocalDate, Instant, UUID, "
                + "an enum, List<...>, Map<String, ...> or a nested record");
    }

    private JobDefinitionException definitionError(String path, String problem) {
        Class<?> current = inProgress.isEmpty() ? jobRecord : inProgress.get(inProgress.size() - 1);
        String where = path.isEmpty() ? "" : "component \"" + path + "\""
                + (current == jobRecord ? "" : " (in record " + current.getName() + ")") + " ";
        return new JobDefinitionException(jobRecord, where + problem);
    }
}
