package dev.baton.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the PostgreSQL server on this machine, from /proc: user plus system time of every process
 * named {@code postgres}, plus the children's time the postmaster has reaped, so that a backend which ends
 * during a measurement still counts. It is the whole server's (WAL writer, checkpointer, autovacuum and
 * other clients' sessions too), not only the bench's sessions.
 */
final class ProcCpu {

    /** The kernel reports these times in clock ticks of USER_HZ, which Linux fixes at 100 for user space. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final Path PROC = Path.of("/proc");

    private ProcCpu() {}

    /** @return the total, or {@code null} when /proc shows no postgres process (not Linux, another machine) */
    static Long postgresNanos() {
        if (!Files.isDirectory(PROC)) {
            return null;
        }
        long ticks = 0;
        boolean found = false;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                long times = postgresTicks(dir.resolve("stat"));
                if (times >= 0) {
                    found = true;
                    ticks += times;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return found ? ticks * NANOS_PER_TICK : null;
    }

    /**
     * utime + stime, plus cutime + cstime for the postmaster (the process whose parent is not postgres);
     * -1 for a process that is not postgres or has just ended.
     */
    private static long postgresTicks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return -1;
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < 0 || !line.substring(open + 1, close).equals("postgres")) {
            return -1;
        }
        // After "pid (comm) ": state ppid ... with utime, stime, cutime, cstime as fields 14 to 17 of the line.
        String[] f = line.substring(close + 2).split(" ");
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        long ppid = Long.parseLong(f[1]);
        boolean postmaster = !isPostgres(ppid);
        long children = postmaster ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : 0;
        return own + children;
    }

    private static boolean isPostgres(long pid) {
        try {
            return Files.readString(PROC.resolve(pid + "/comm")).strip().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }
}
