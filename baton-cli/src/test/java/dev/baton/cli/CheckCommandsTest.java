package dev.baton.cli;

import static dev.baton.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Job;
import dev.baton.check.ContractSet;
import dev.baton.check.Lockfile;
import dev.baton.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `baton check` and `baton snapshot` on a real build output: this module's own classes, which hold the
 * sample's three job records, against lockfiles written by the real checker.
 */
class CheckCommandsTest {

    /** What an earlier release's welcome-email looked like: no address yet. */
    @Job(name = "welcome-email", queue = "mailers")
    record OldWelcomeEmail(long userId) {}

    @TempDir
    Path dir;

    private static String classes() throws Exception {
        return Path.of(SampleCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void aFirstCheckListsEveryTypeAsNewThenASnapshotMakesTheSameBuildSafe() throws Exception {
        Path lockfile = dir.resolve("baton.lock.json");

        Cli.Result first = run("check", "--classpath", classes(), "--lockfile", lockfile.toString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).contains("[new-type] welcome-email", "[new-type] resize-image", "[new-type] sync-account");

        Cli.Result snapshot = run("snapshot", "--classpath", classes(), "--lockfile", lockfile.toString(),
                "--release", "2026.11.3");
        assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
        assertThat(snapshot.out()).contains("3 job types of release 2026.11.3");
        assertThat(Lockfile.read(lockfile).newest().release()).isEqualTo("2026.11.3");

        Cli.Result again = run("check", "--classpath", classes(), "--lockfile", lockfile.toString(), "--json");
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.json().get("findings")).isEmpty();
    }

    @Test
    void aRequiredFieldAddedWithoutADefaultIsBreakingAndTheFixNamesIt() throws Exception {
        Path lockfile = dir.resolve("baton.lock.json");
        Lockfile.empty().withSnapshot(ContractSet.of("2026.11.2", List.of(OldWelcomeEmail.class)), 3).write(lockfile);

        Cli.Result check = run("check", "--classpath", classes(), "--lockfile", lockfile.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("[required-field-added] welcome-email", "address", "old payload -> new worker");
        assertThat(check.out()).doesNotContain("\u001b[");
    }

    @Test
    void aLiveStoreAnswersThePlansSteps() throws Exception {
        Path lockfile = dir.resolve("baton.lock.json");
        run("snapshot", "--classpath", classes(), "--lockfile", lockfile.toString(), "--release", "2026.11.3");
        Path data = dir.resolve("data");
        try (JdbcStore store = JdbcStore.embedded(data)) {
            store.migrate();
        }
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("baton") + ";AUTO_SERVER=TRUE";

        Cli.Result check = run("check", "--classpath", classes(), "--lockfile", lockfile.toString(), "--jdbc-url", url,
                "--json");

        assertThat(check.exitCode()).as(check.err() + check.out()).isZero();
    }

    @Test
    void aMissingClasspathIsAUsageError() {
        Cli.Result check = run("check");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("--classpath");
    }

    @Test
    void aSnapshotKeepsOlderReleasesUpToKeep() throws Exception {
        Path lockfile = dir.resolve("baton.lock.json");
        Lockfile.empty().withSnapshot(ContractSet.of("2026.11.1", List.of(OldWelcomeEmail.class)), 3)
                .withSnapshot(ContractSet.of("2026.11.2", List.of(OldWelcomeEmail.class)), 3).write(lockfile);

        run("snapshot", "--classpath", classes(), "--lockfile", lockfile.toString(), "--release", "2026.11.3",
                "--keep", "2");

        assertThat(Lockfile.read(lockfile).releases()).extracting(ContractSet::release)
                .containsExactly("2026.11.3", "2026.11.2");
        assertThat(Files.readString(lockfile)).endsWith("\n");
    }
}
