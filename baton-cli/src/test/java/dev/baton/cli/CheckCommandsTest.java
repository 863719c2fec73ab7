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

    /** Refused by the runtime: a type name must be kebab-case. */
    @Job(name = "Welcome_Email")
    record BadlyNamedJob(long userId) {}

    @Test
    void aFirstCheckListsEveryTypeAsNewAsWarningsThenASnapshotMakesTheSameBuildSafe() throws Exception {
        Path lockfile = dir.resolve("baton.lock.json");

        Cli.Result first = run("check", "--classpath", classes(), "--lockfile", lockfile.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("warning: [new-type] welcome-email", "warning: [new-type] resize-image",
                "warning: [new-type] sync-account")
                .endsWith("check passed (fail-on breaking), with 3 warnings: follow their plans while deploying\n");
        assertThat(first.err()).isEqualTo("baton check: no lockfile at " + lockfile + ": nothing to compare with yet, "
                + "so every job type is new. Record this build's contracts with `baton snapshot --classpath "
                + classes() + " --release <release> --lockfile " + lockfile + "` (or `mvn baton:snapshot`), commit the "
                + "file, and later builds are checked against it.\n");

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
    void failOnNeedsStepsFailsOnStepsNotKnownToBeDone() throws Exception {
        Path lockfile = dir.resolve("baton.lock.json");

        Cli.Result strict = run("check", "--classpath", classes(), "--lockfile", lockfile.toString(), "--fail-on",
                "needs-steps", "--json");
        Cli.Result never = run("check", "--classpath", classes(), "--lockfile", lockfile.toString(), "--fail-on",
                "never");

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.json().get("failOn").asText()).isEqualTo("needs-steps");
        assertThat(strict.json().get("exitCode").asInt()).isEqualTo(1);
        assertThat(strict.json().get("findings").findValuesAsText("blocks")).containsOnly("true");
        assertThat(never.exitCode()).isZero();
        assertThat(never.out()).contains("warning: [new-type] welcome-email",
                "check passed (fail-on never), with 3 warnings");
    }

    @Test
    void neverOnlyReportsABreakingChange() throws Exception {
        Path lockfile = dir.resolve("baton.lock.json");
        Lockfile.empty().withSnapshot(ContractSet.of("2026.11.2", List.of(OldWelcomeEmail.class)), 3).write(lockfile);

        Cli.Result check = run("check", "--classpath", classes(), "--lockfile", lockfile.toString(), "--fail-on", "never");

        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("[required-field-added] welcome-email",
                "check passed (fail-on never), reporting 1 breaking finding only");
    }

    @Test
    void aWrongFailOnIsAUsageErrorNamingTheValues() throws Exception {
        Cli.Result check = run("check", "--classpath", classes(), "--fail-on", "sometimes");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("--fail-on", "\"sometimes\" is not one of breaking, needs-steps, never");
    }

    @Test
    void aMissingClasspathIsAUsageError() {
        Cli.Result check = run("check");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("--classpath");
    }

    @Test
    void aClasspathThatDoesNotExistIsAUsageErrorOnOneLine() {
        Path missing = dir.resolve("nonexistent");

        Cli.Result check = run("check", "--classpath", missing.toString());
        Cli.Result snapshot = run("snapshot", "--classpath", missing.toString(), "--release", "1");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).isEqualTo("baton check: --classpath: no such directory or jar: " + missing
                + " (compile first, e.g. mvn compile)\n");
        assertThat(snapshot.exitCode()).isEqualTo(2);
        assertThat(snapshot.err()).startsWith("baton snapshot: --classpath: no such directory or jar: ");
    }

    @Test
    void aClasspathEntryThatIsNoJarIsAUsageError() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("classes.jar"), "not a jar");

        Cli.Result check = run("check", "--classpath", notAJar.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).startsWith("baton check: --classpath: cannot read the jar ").doesNotContain("\tat ");
        assertThat(check.err().lines()).hasSize(1);
    }

    @Test
    void anInvalidLockfileIsAUsageErrorOnOneLine() throws Exception {
        Path lockfile = Files.writeString(dir.resolve("baton.lock.json"), "{ \"format\": 99, \"releases\": [] }");

        Cli.Result check = run("check", "--classpath", classes(), "--lockfile", lockfile.toString());
        Cli.Result snapshot = run("snapshot", "--classpath", classes(), "--lockfile", lockfile.toString(),
                "--release", "1");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).startsWith("baton check: cannot use the lockfile " + lockfile + ": ")
                .contains("format 99");
        assertThat(check.err().lines()).hasSize(1);
        assertThat(snapshot.exitCode()).isEqualTo(2);
        assertThat(Files.readString(lockfile)).as("left as it was").contains("99");
    }

    @Test
    void aRecordTheRuntimeWouldRefuseFailsTheCheckWithItsMessage() throws Exception {
        // The record's class file in a classes directory of its own, as a compile would lay it out.
        String file = BadlyNamedJob.class.getName().replace('.', '/') + ".class";
        Path testClasses = Path.of(BadlyNamedJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path copy = dir.resolve("classes").resolve(file);
        Files.createDirectories(copy.getParent());
        Files.copy(testClasses.resolve(file), copy);

        Cli.Result check = run("check", "--classpath", dir.resolve("classes").toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).startsWith("baton check: ").contains("Welcome_Email");
        assertThat(check.err().lines()).hasSize(1);
    }

    @Test
    void aStoreThatCannotBeReadExitsThree() throws Exception {
        // A database without Baton's schema: reading the fleet fails at once.
        String url = "jdbc:h2:file:" + dir.resolve("empty").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        Path lockfile = dir.resolve("baton.lock.json");

        Cli.Result check = run("check", "--classpath", classes(), "--lockfile", lockfile.toString(), "--jdbc-url", url);

        assertThat(check.exitCode()).as(check.err()).isEqualTo(3);
        assertThat(check.err()).startsWith("baton check: cannot read the live store: ");
        assertThat(check.err().lines()).as(check.err()).hasSize(1);
        assertThat(check.out()).isEmpty();
    }

    @Test
    void aJdbcUrlBatonDoesNotSupportIsAUsageError() throws Exception {
        Cli.Result check = run("check", "--classpath", classes(), "--jdbc-url", "jdbc:mysql://db/app");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).startsWith("baton check: --jdbc-url: ");
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
