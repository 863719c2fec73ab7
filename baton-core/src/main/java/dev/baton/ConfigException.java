package dev.baton;

/** A configuration value is missing, out of range or inconsistent. The message names the fix. */
public final class ConfigException extends BatonException {

    private final String option;
    private final String value;

    public ConfigException(String option, Object value, String rule) {
        super(option + " was " + render(value) + "; " + rule);
        this.option = option;
        this.value = render(value);
    }

    /** The option that was wrong, as it is named on the builder, for example {@code queue("mailers").concurrency}. */
    public String option() {
        return option;
    }

    /** The rejected value, rendered as text. */
    public String value() {
        return value;
    }

    private static String render(Object value) {
        if (value == null) {
            return "not set";
        }
        return value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
    }
}
