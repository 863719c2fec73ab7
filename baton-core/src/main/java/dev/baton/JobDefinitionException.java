package dev.baton;

/** A class cannot serve as a job type: not a record, no {@link Job} annotation, or an invalid name. */
public final class JobDefinitionException extends BatonException {

    private final Class<?> jobClass;

    public JobDefinitionException(Class<?> jobClass, String problem) {
        super(jobClass.getName() + ": " + problem);
        this.jobClass = jobClass;
    }

    public Class<?> jobClass() {
        return jobClass;
    }
}
