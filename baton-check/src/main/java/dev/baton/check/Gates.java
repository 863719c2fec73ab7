package dev.baton.check;

/**
 * The commands that tell when a plan step is done. They are the CLI's commands, so a person reading a
 * report can run them as printed; {@code baton drained} also exits 0 exactly when its step is done.
 */
final class Gates {

    static final String FLEET = "baton fleet";
    static final String DEPLOY_WORKERS_FIRST = "deploy workers before producers";

    private Gates() {}

    static String drained(String storedName, int below) {
        return "baton drained " + storedName + " --below " + below;
    }

    static String purge(String storedName) {
        return "baton purge " + storedName + " --yes";
    }

    static String versions(String storedName) {
        return "baton versions " + storedName;
    }

    static String migrateQueue(String from, String to, String type) {
        return "baton queues migrate --from " + from + " --to " + to + " --type " + type + " --yes";
    }

    /** TRUE/FALSE from live state, {@code null} without it. */
    static Boolean answer(LiveState live, java.util.function.Predicate<LiveState> done) {
        return live == null ? null : done.test(live);
    }
}
