package dev.baton;

/**
 * Under {@link WritePolicy#REQUIRE_CAPABLE_WORKER}: no live worker reads the job that would be written,
 * so it was not enqueued.
 */
public final class NoCapableWorkerException extends BatonException {

    private final String type;
    private final int version;
    private final String queue;

    public NoCapableWorkerException(String type, int version, String queue, String fleet) {
        super("no live worker reads job " + type + " v" + version + " on queue \"" + queue + "\" (" + fleet
                + "); deploy workers that handle it before producers, or enqueue with WritePolicy.FLEET_COMPATIBLE "
                + "to let it wait");
        this.type = type;
        this.version = version;
        this.queue = queue;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    public String queue() {
        return queue;
    }
}
