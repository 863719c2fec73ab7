package dev.baton.internal;

import dev.baton.Job;
import dev.baton.JobDefinitionException;
import java.util.Arrays;
import java.util.List;

/**
 * What the {@link Job} annotation of a record says, validated.
 *
 * @param name the stored type name
 * @param version the current payload version
 * @param queue the queue jobs of this type are enqueued on
 * @param aliases former names whose stored jobs this type runs
 * @param recordClass the Java record; its name is never stored
 */
public record JobTypeInfo(String name, int version, String queue, List<String> aliases, Class<?> recordClass) {

    public JobTypeInfo {
        aliases = List.copyOf(aliases);
    }

    public JobTypeInfo(String name, int version, String queue, Class<?> recordClass) {
        this(name, version, queue, List.of(), recordClass);
    }

    /** The name and every alias: all the stored names this type answers to. */
    public List<String> storedNames() {
        return aliases.isEmpty() ? List.of(name)
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
    }

    /** @throws JobDefinitionException when the class is not a valid job record */
    public static JobTypeInfo of(Class<?> recordClass) {
        Job job = recordClass.getAnnotation(Job.class);
        if (job == null) {
            throw new JobDefinitionException(recordClass, "has no @Job annotation: annotate it with "
                    + "@Job(name = \"" + Names.suggest(recordClass.getSimpleName()) + "\")");
        }
        if (!recordClass.isRecord()) {
            throw new JobDefinitionException(recordClass, "is annotated @Job but is not a record: a job is a Java record "
                    + "so that its payload is its components and nothing else");
        }
        String typeProblem = Names.checkType(job.name());
        if (typeProblem != null) {
            throw new JobDefinitionException(recordClass, typeProblem);
        }
        if (job.version() < 1) {
            throw new JobDefinitionException(recordClass, "@Job version is " + job.version() + "; versions start at 1");
        }
        String queueProblem = Names.checkQueue(job.queue());
        if (queueProblem != null) {
            throw new JobDefinitionException(recordClass, "@Job queue: " + queueProblem);
        }
        for (String alias : job.aliases()) {
            String aliasProblem = Names.checkType(alias);
            if (aliasProblem != null) {
                throw new JobDefinitionException(recordClass, "@Job alias: " + aliasProblem);
            }
            if (alias.equals(job.name())) {
                throw new JobDefinitionException(recordClass, "@Job alias \"" + alias + "\" is the type's own name: "
                        + "an alias is a former name");
            }
        }
        if (Arrays.stream(job.aliases()).distinct().count() != job.aliases().length) {
            throw new JobDefinitionException(recordClass, "@Job aliases repeat a name: " + Arrays.toString(job.aliases()));
        }
        return new JobTypeInfo(job.name(), job.version(), job.queue(), List.of(job.aliases()), recordClass);
    }
}
