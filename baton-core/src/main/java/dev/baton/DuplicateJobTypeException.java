package dev.baton;

/** Two registered records claim the same job type name. */
public final class DuplicateJobTypeException extends BatonException {

    private final String type;
    private final Class<?> first;
    private final Class<?> second;

    public DuplicateJobTypeException(String type, Class<?> first, Class<?> second) {
        super("job type \"" + type + "\" is declared by both " + first.getName() + " and " + second.getName()
                + "; a type name must belong to one record: rename one of them in its @Job(name = ...)");
        this.type = type;
        this.first = first;
        this.second = second;
    }

    public String type() {
        return type;
    }

    public Class<?> first() {
        return first;
    }

    public Class<?> second() {
        return second;
    }
}
