package dev.baton;

/**
 * A payload could not be written or read. Carries the job type and version; on reading, also the field
 * when one is to blame.
 */
public final class PayloadException extends BatonException {

    private final String type;
    private final int version;
    private final String field;

    public PayloadException(String type, int version, String field, String problem, Throwable cause) {
        super("job " + type + " v" + version + (field == null ? "" : ", field \"" + field + "\"") + ": " + problem,
                cause);
        this.type = type;
        this.version = version;
        this.field = field;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    /** The field at fault, or {@code null} when the payload as a whole is. */
    public String field() {
        return field;
    }
}
