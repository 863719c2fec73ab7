package dev.baton.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One launch of a worker JVM: its node id, its process and its log file. */
final class WorkerProcess {

    private final String nodeId;
    private final Process process;
    private final Path log;
    private volatile boolean started;
    private volatile boolean paused;
    private volatile boolean killedByUs;

    WorkerProcess(String nodeId, Process process, Path log) {
        this.nodeId = nodeId;
        this.process = process;
        this.log = log;
    }

    String nodeId() {
        return nodeId;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    /** True once the worker printed {@code started <id>}: Baton has started and claims jobs. */
    boolean started() {
        if (!started) {
            started = output().lines().anyMatch(line -> line.startsWith("started " + nodeId + " "));
        }
        return started;
    }

    boolean alive() {
        return process.isAlive();
    }

    boolean paused() {
        return paused;
    }

    void markPaused(boolean value) {
        paused = value;
    }

    boolean killedByUs() {
        return killedByUs;
    }

    void markKilled() {
        killedByUs = true;
    }

    /** The log's last exception lines without their stack frames: what a crash note needs. */
    String lastErrors(int lines) {
        List<String> errors = output().lines()
                .filter(line -> !line.isEmpty() && !Character.isWhitespace(line.charAt(0)))
                .filter(line -> line.contains("Exception") || line.contains("Error")).toList();
        List<String> last = errors.subList(Math.max(0, errors.size() - lines), errors.size());
        return last.isEmpty() ? " (no exception logged)" : ":\n  " + String.join("\n  ", last);
    }

    /** The last lines of the log, for error messages. */
    String tail(int lines) {
        List<String> all = output().lines().toList();
        List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
        return last.isEmpty() ? " (empty)" : ":\n  " + String.join("\n  ", last);
    }

    private String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
