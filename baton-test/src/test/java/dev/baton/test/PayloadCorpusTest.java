package dev.baton.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.test.ReplayResult.TypeVersion;
import dev.baton.test.TestJobs.RenewSubscription;
import dev.baton.test.TestJobs.SendInvoice;
import dev.baton.test.TestJobs.SyncProfile;
import dev.baton.test.TestJobs.UserConfirmation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadCorpusTest {

    /** Checked in, as users keep theirs: v1 and v2 payloads, one under a former name, one of another service. */
    private static final Path RECORDED = Path.of("src/test/resources/payloads");

    @TempDir
    Path dir;

    @Test
    void everyRecordedPayloadReadsWithTheCurrentCodeAndItsUpcasters() {
        PayloadCorpus corpus = PayloadCorpus.load(RECORDED);

        corpus.assertAllReadable(UserConfirmation.class, SendInvoice.class);

        ReplayResult result = corpus.replay(UserConfirmation.class, SendInvoice.class);
        assertThat(result.ok()).isTrue();
        assertThat(result.read()).containsExactly(
                Map.entry(new TypeVersion("confirm-user", 1), 1),
                Map.entry(new TypeVersion("send-invoice", 1), 2),
                Map.entry(new TypeVersion("user-confirmation", 1), 2),
                Map.entry(new TypeVersion("user-confirmation", 2), 1));
        assertThat(result.readCount()).isEqualTo(6);
        assertThat(result.readCount("user-confirmation", 1)).isEqualTo(2);
        assertThat(result.readCount("user-confirmation", 3)).isZero();
        assertThat(result.unmatched()).extracting(RecordedPayload::type).containsExactly("resize-image");
    }

    @Test
    void loadsTheLayoutSortedByTypeVersionAndFileAndIgnoresOtherFiles() throws IOException {
        write("user-confirmation", 2, "3.json", "{\"userId\":3}");
        write("user-confirmation", 10, "1.json", "{\"userId\":10}");
        write("user-confirmation", 2, "1.json", "{\"userId\":1}");
        write("send-invoice", 1, "9.json", "{\"invoiceId\":9}");
        Files.writeString(dir.resolve("user-confirmation/v2/notes.txt"), "not a payload");
        Files.writeString(dir.resolve("README.md"), "# recorded in production");
        Files.createDirectories(dir.resolve(".git/objects"));

        PayloadCorpus corpus = PayloadCorpus.load(dir);

        assertThat(corpus.dir()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(corpus.payloads()).extracting(p -> p.type() + " v" + p.version() + " " + p.file().getFileName())
                .containsExactly("send-invoice v1 9.json", "user-confirmation v2 1.json", "user-confirmation v2 3.json",
                        "user-confirmation v10 1.json");
        assertThat(corpus.payloads().get(1).json()).isEqualTo("{\"userId\":1}");
        assertThat(corpus.payloads().get(1).file()).isEqualTo(dir.resolve("user-confirmation/v2/1.json"));
    }

    @Test
    void aPayloadMissingARequiredFieldFailsNamingTheFileTypeVersionAndField() throws IOException {
        write("user-confirmation", 1, "1.json", "{\"userId\":1,\"message\":\"Welcome\"}");
        Path missing = write("user-confirmation", 1, "2.json", "{\"message\":\"Welcome\"}");
        write("user-confirmation", 2, "3.json", "{\"userId\":3,\"message\":\"Hi\",\"date\":\"2026-11-02\"}");
        Path wrongType = write("user-confirmation", 2, "4.json", "{\"userId\":\"four\",\"message\":\"Hi\",\"date\":null}");

        ReplayResult result = PayloadCorpus.load(dir).replay(UserConfirmation.class);

        assertThat(result.ok()).isFalse();
        assertThat(result.readCount()).isEqualTo(2);
        assertThat(result.failures()).extracting(f -> f.payload().file(), ReplayResult.Failure::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(missing, "userId"),
                        org.assertj.core.groups.Tuple.tuple(wrongType, "userId"));
        assertThat(result.failures().get(0).message()).contains("user-confirmation v1", "missing");
        assertThatThrownBy(() -> PayloadCorpus.load(dir).assertAllReadable(UserConfirmation.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("2 of 4 recorded payloads in " + dir.toAbsolutePath() + " do not read")
                .hasMessageContaining("First: " + missing + "\n  type user-confirmation, version 1, field \"userId\"")
                .hasMessageContaining("Also:\n  " + wrongType + ": job user-confirmation v2, field \"userId\"");
    }

    @Test
    void anUpcasterRemovedTooEarlyOrThrowingIsAFailureWithItsReason() throws IOException {
        write("sync-profile", 1, "1.json", "{\"userId\":1,\"source\":\"crm\"}");
        write("sync-profile", 2, "2.json", "{\"userId\":2}");
        write("renew-subscription", 1, "3.json", "{\"subscriptionId\":3,\"plan\":\"gold\"}");
        write("renew-subscription", 1, "4.json", "{\"subscriptionId\":4}");

        ReplayResult result = PayloadCorpus.load(dir).replay(SyncProfile.class, RenewSubscription.class);

        assertThat(result.read()).containsOnly(Map.entry(new TypeVersion("renew-subscription", 1), 1),
                Map.entry(new TypeVersion("sync-profile", 2), 1));
        assertThat(result.failures()).extracting(f -> f.payload().file().getFileName().toString())
                .containsExactly("4.json", "1.json");
        assertThat(result.failures().get(0).message()).contains("the upcaster v1 -> v2 failed");
        assertThat(result.failures().get(0).field()).isNull();
        assertThat(result.failures().get(1).message()).contains("declare an @Upcast from v1");
        assertThatThrownBy(() -> PayloadCorpus.load(dir).assertAllReadable(SyncProfile.class, RenewSubscription.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 of 4")
                .hasMessageContaining("type renew-subscription, version 1\n")
                // The upcaster's own exception stays reachable, for its stack trace.
                .hasRootCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void payloadsOfTypesNoRecordAnswersToAreListedNotFailed() {
        PayloadCorpus corpus = PayloadCorpus.load(RECORDED);

        ReplayResult result = corpus.replay(SendInvoice.class);

        assertThat(result.ok()).isTrue();
        assertThat(result.readCount()).isEqualTo(2);
        assertThat(result.unmatched()).extracting(RecordedPayload::type)
                .containsExactly("confirm-user", "resize-image", "user-confirmation", "user-confirmation",
                        "user-confirmation");
        corpus.assertAllReadable(SendInvoice.class);
    }

    @Test
    void aCorpusThatMatchesNothingGuardsNothingAndFails() throws IOException {
        assertThatThrownBy(() -> PayloadCorpus.load(RECORDED).assertAllReadable(SyncProfile.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("none of the 7 recorded payloads in " + RECORDED.toAbsolutePath())
                .hasMessageContaining("is of type sync-profile")
                .hasMessageContaining("guards nothing")
                .hasMessageContaining("[confirm-user, resize-image, send-invoice, user-confirmation]")
                .hasMessageContaining("baton jobs export --out");

        Files.writeString(dir.resolve("README.md"), "to be filled");
        assertThatThrownBy(() -> PayloadCorpus.load(dir).assertAllReadable(UserConfirmation.class))
                .isInstanceOf(AssertionError.class)
                .hasMessage("payload corpus " + dir.toAbsolutePath() + " holds no payloads, so it guards nothing: record "
                        + "some with `baton jobs export --out " + dir.toAbsolutePath() + "` (layout "
                        + "<dir>/<type>/v<version>/<anything>.json)");
    }

    @Test
    void aMissingDirectoryIsAnErrorNamingIt() throws IOException {
        Path nowhere = dir.resolve("no-such-corpus");
        Path file = Files.writeString(dir.resolve("payloads.json"), "{}");

        assertThatThrownBy(() -> PayloadCorpus.load(nowhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payload corpus " + nowhere + " does not exist");
        assertThatThrownBy(() -> PayloadCorpus.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " is not a directory");
    }

    @Test
    void aDirectoryOutOfLayoutIsAnErrorNamingIt() throws IOException {
        Path versionOne = Files.createDirectories(dir.resolve("bad-version/version-1"));
        Files.writeString(versionOne.resolve("1.json"), "{}");
        assertThatThrownBy(() -> PayloadCorpus.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(versionOne + " is not a version directory")
                .hasMessageContaining("such as v1");

        for (String name : new String[] {"v0", "v-1", "v1.5", "V2"}) {
            Path other = dir.resolve("other-" + name);
            Path versionDir = Files.createDirectories(other.resolve("user-confirmation").resolve(name));
            assertThatThrownBy(() -> PayloadCorpus.load(other)).as(name)
                    .hasMessageContaining(versionDir + " is not a version directory");
        }
    }

    @Test
    void aPayloadOutsideAVersionDirectoryOrADirectoryInsideOneIsAnError() throws IOException {
        Path typeLevel = dir.resolve("at-type-level");
        Files.createDirectories(typeLevel.resolve("user-confirmation"));
        Path stray = Files.writeString(typeLevel.resolve("user-confirmation/1.json"), "{}");
        Path rootLevel = dir.resolve("at-root");
        Files.createDirectories(rootLevel);
        Path loose = Files.writeString(rootLevel.resolve("1.json"), "{}");
        Path nested = dir.resolve("nested");
        Path inner = Files.createDirectories(nested.resolve("user-confirmation/v1/more"));

        assertThatThrownBy(() -> PayloadCorpus.load(typeLevel))
                .hasMessageContaining(stray + " is in a type directory, so its type or version is unknown");
        assertThatThrownBy(() -> PayloadCorpus.load(rootLevel))
                .hasMessageContaining(loose + " is directly in the corpus");
        assertThatThrownBy(() -> PayloadCorpus.load(nested))
                .hasMessageContaining("unexpected directory " + inner);
    }

    @Test
    void recordsMustBeGivenAndMustNotClaimTheSameName() {
        PayloadCorpus corpus = PayloadCorpus.load(RECORDED);

        assertThatThrownBy(corpus::replay)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give the @Job records");
        assertThatThrownBy(() -> corpus.replay(UserConfirmation.class, Renamed.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both answer to the stored name \"confirm-user\"");
        assertThatThrownBy(() -> corpus.replay(String.class))
                .isInstanceOf(dev.baton.JobDefinitionException.class)
                .hasMessageContaining("has no @Job annotation");
    }

    @dev.baton.Job(name = "confirm-user")
    record Renamed(long userId) {}

    private Path write(String type, int version, String name, String json) throws IOException {
        Path versionDir = Files.createDirectories(dir.resolve(type).resolve("v" + version));
        return Files.writeString(versionDir.resolve(name), json);
    }
}
