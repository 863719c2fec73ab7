package dev.baton.contract;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Jackson annotations on job records. {@code @JsonProperty} renames a field and is honoured; annotations
 * that only document or order are harmless; any other one (@JsonIgnore, @JsonInclude, @JsonFormat,
 * @JsonNaming, @JsonUnwrapped, ...) changes the JSON the codec writes in ways the contract would not
 * describe, so it is refused rather than letting the contract lie.
 */
final class JacksonAnnotations {

    private static final Set<Class<? extends Annotation>> HARMLESS = Set.of(JsonProperty.class,
            JsonPropertyDescription.class, JsonPropertyOrder.class, JsonClassDescription.class);
    private static final String JACKSON = "com.fasterxml.jackson.";

    private JacksonAnnotations() {}

    /** The JSON name: the component name, or the @JsonProperty value on the accessor, field or parameter. */
    static String jsonName(RecordComponent component) {
        for (AnnotatedElement element : carriers(component)) {
            JsonProperty property = element.getAnnotation(JsonProperty.class);
            if (property != null && !property.value().isEmpty()) {
                return property.value();
            }
        }
        return component.getName();
    }

    static Optional<String> checkComponent(RecordComponent component) {
        for (AnnotatedElement element : carriers(component)) {
            for (Annotation annotation : element.getAnnotations()) {
                if (refused(annotation)) {
                    return Optional.of("has @" + annotation.annotationType().getSimpleName() + ", which changes its "
                            + "JSON in a way a contract cannot describe: remove it (rename with @JsonProperty, make a "
                            + "field optional with @Default or Optional)");
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> checkRecord(Class<?> record) {
        for (Annotation annotation : record.getAnnotations()) {
            boolean ignoreUnknownOnly = annotation instanceof JsonIgnoreProperties ignore && ignore.value().length == 0;
            if (refused(annotation) && !ignoreUnknownOnly) {
                return Optional.of("record " + record.getName() + " has @" + annotation.annotationType().getSimpleName()
                        + ", which changes its JSON in a way a contract cannot describe: remove it");
            }
        }
        return Optional.empty();
    }

    private static boolean refused(Annotation annotation) {
        Class<? extends Annotation> type = annotation.annotationType();
        return type.getName().startsWith(JACKSON) && !HARMLESS.contains(type);
    }

    /** Where annotations on a record component end up: Jackson's annotations cannot target the component. */
    private static List<AnnotatedElement> carriers(RecordComponent component) {
        List<AnnotatedElement> carriers = new ArrayList<>();
        carriers.add(component.getAccessor());
        try {
            carriers.add(component.getDeclaringRecord().getDeclaredField(component.getName()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record has a field per component", e);
        }
        return carriers;
    }
}
