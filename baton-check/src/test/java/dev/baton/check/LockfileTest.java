package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.check.Fixtures.RaisedWithoutUpcaster;
import dev.baton.check.Fixtures.RequiredFieldAdded;
import dev.baton.check.Fixtures.TypeRemoved;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileTest {

    @TempDir
    Path dir;

    static ContractSet set(String release, Class<?>... records) {
        return ContractSet.of(release, List.of(records));
    }

    @Test
    void aMissingFileIsAnEmptyLockfile() {
        Lockfile lock = Lockfile.read(dir.resolve(Lockfile.FILE_NAME));

        assertThat(lock.releases()).isEmpty();
        assertThat(lock.newest()).isNull();
    }

    @Test
    void writeThenReadIsByteIdentical() throws Exception {
        Lockfile lock = new Lockfile(List.of(set("r3", Pool.ALL.toArray(Class<?>[]::new)),
                set("r2", RequiredFieldAdded.Old.class, TypeRemoved.Old.class)));
        Path file = dir.resolve(Lockfile.FILE_NAME);

        lock.write(file);
        byte[] first = Files.readAllBytes(file);
        Lockfile back = Lockfile.read(file);
        back.write(file);

        assertThat(back).isEqualTo(lock);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        String text = new String(first, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"format\": 1,\n  \"releases\": [\n").endsWith("}\n").doesNotContain("\r");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aLockfileOfAnotherFormatIsRefused() {
        assertThatThrownBy(() -> Lockfile.fromJson("{\"format\": 2, \"releases\": []}", "baton.lock.json"))
                .isInstanceOf(CheckFormatException.class).hasMessageContaining("format 2");
    }

    @Test
    void aSnapshotGoesFirstAndKeepsAtMostKeep() {
        Lockfile lock = Lockfile.empty()
                .withSnapshot(set("r1", TypeRemoved.Old.class), 3)
                .withSnapshot(set("r2", TypeRemoved.Old.class), 3)
                .withSnapshot(set("r3", TypeRemoved.Old.class), 3)
                .withSnapshot(set("r4", TypeRemoved.Old.class), 3);

        assertThat(lock.releases()).extracting(ContractSet::release).containsExactly("r4", "r3", "r2");
    }

    @Test
    void aSnapshotOfTheSameReleaseReplacesIt() {
        Lockfile lock = Lockfile.empty()
                .withSnapshot(set("r1", TypeRemoved.Old.class), 3)
                .withSnapshot(set("r2", RequiredFieldAdded.Old.class), 3)
                .withSnapshot(set("r2", RequiredFieldAdded.New.class), 3);

        assertThat(lock.releases()).extracting(ContractSet::release).containsExactly("r2", "r1");
        assertThat(lock.newest().type("compute-foobar").orElseThrow().contract().fields()).hasSize(3);
    }

    @Test
    void pruningDropsOlderReleasesNothingLiveNeeds() {
        // r1 wrote user-confirmation v1; r2 and r3 are at v2. cleanup-cache only existed in r1.
        Lockfile lock = new Lockfile(List.of(set("r3", RaisedWithoutUpcaster.New.class),
                set("r2", RaisedWithoutUpcaster.New.class),
                set("r1", RaisedWithoutUpcaster.Old.class, TypeRemoved.Old.class)));

        Lockfile idle = lock.pruned(Live.of(List.of(), List.of(Live.completed("user-confirmation", 1, 9),
                Live.waiting("user-confirmation", 2, 9))));
        Lockfile v1Waiting = lock.pruned(Live.of(List.of(), List.of(Live.waiting("user-confirmation", 1, 1))));
        Lockfile r1Running = lock.pruned(Live.of(List.of(Live.worker("r1")), List.of()));
        Lockfile cacheJobs = lock.pruned(Live.of(List.of(), List.of(Live.waiting("cleanup-cache", 1, 1))));

        // r2 has nothing of its own (r3 shares its contracts), so traffic at v2 never keeps it.
        assertThat(idle.releases()).extracting(ContractSet::release).containsExactly("r3");
        assertThat(v1Waiting.releases()).extracting(ContractSet::release).containsExactly("r3", "r1");
        assertThat(r1Running.releases()).extracting(ContractSet::release).containsExactly("r3", "r1");
        assertThat(cacheJobs.releases()).extracting(ContractSet::release).containsExactly("r3", "r1");
    }

    @Test
    void pruningKeepsAReleaseWhoseWorkersStillReadItsVersion() {
        Lockfile lock = new Lockfile(List.of(set("r2", RaisedWithoutUpcaster.New.class),
                set("r1", RaisedWithoutUpcaster.Old.class)));

        Lockfile pruned = lock.pruned(Live.of(List.of(Live.worker("r9", Live.reads("user-confirmation", 1, 1))),
                List.of()));

        assertThat(pruned.releases()).extracting(ContractSet::release).containsExactly("r2", "r1");
    }
}
