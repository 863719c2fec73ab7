package dev.baton.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A restart of the PostgreSQL server the run is on, through Debian's {@code pg_ctlcluster}: possible only
 * as root, on this machine, with the cluster's configuration under {@code /etc/postgresql/<version>/main}.
 */
final class PostgresRestart {

    private static final Pattern HOST = Pattern.compile("^jdbc:postgresql://\\[?([^/:?\\]]+)");
    private static final List<String> LOCAL = List.of("127.0.0.1", "localhost", "::1");
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final String version;
    private final String unavailable;
    private final Path output;

    private PostgresRestart(String version, String unavailable, Path output) {
        this.version = version;
        this.unavailable = unavailable;
        this.output = output;
    }

    /**
     * @param majorVersion the server's, as it reports it
     * @param output where pg_ctlcluster's output goes
     */
    static PostgresRestart find(String jdbcUrl, int majorVersion, Path output) {
        String version = String.valueOf(majorVersion);
        Matcher host = HOST.matcher(jdbcUrl);
        String reason = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            reason = "not running as root";
        } else if (!onPath("pg_ctlcluster")) {
            reason = "pg_ctlcluster is not on the PATH";
        } else if (!Files.isDirectory(Path.of("/etc/postgresql", version, "main"))) {
            reason = "no /etc/postgresql/" + version + "/main for the server's version " + version;
        } else if (!host.find() || !LOCAL.contains(host.group(1).toLowerCase(Locale.ROOT))) {
            reason = "the JDBC URL's server is not on this machine";
        }
        return new PostgresRestart(version, reason, output);
    }

    boolean available() {
        return unavailable == null;
    }

    /** Why a restart is not possible here; empty when it is. */
    String unavailableReason() {
        return unavailable == null ? "" : unavailable;
    }

    String version() {
        return version;
    }

    /** {@code pg_ctlcluster restart}: a fast shutdown (every session ended, open transactions rolled back), then a start. */
    void restart() throws IOException, InterruptedException {
        run("restart");
    }

    /** The way back when a restart left the server down. */
    void start() throws IOException, InterruptedException {
        run("start");
    }

    private void run(String action) throws IOException, InterruptedException {
        List<String> command = List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new ChaosException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT_SECONDS
                    + "s; its output is in " + output);
        }
        if (process.exitValue() != 0) {
            throw new ChaosException(String.join(" ", command) + " exited with " + process.exitValue()
                    + "; its output is in " + output);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
