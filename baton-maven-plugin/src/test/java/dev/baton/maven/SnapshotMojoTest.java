package dev.baton.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.check.ContractSet;
import dev.baton.check.Lockfile;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotMojoTest {

    @TempDir
    Path dir;

    FixtureProject project;

    @BeforeEach
    void setUp() {
        project = new FixtureProject(dir).compiled("v1");
    }

    @Test
    void writesTheBuildsContractsAsTheNewestRelease() throws Exception {
        project.snapshot("1.0").execute();

        Lockfile lock = Lockfile.read(project.lockfile());
        assertThat(lock.releases()).extracting(ContractSet::release).containsExactly("1.0");
        assertThat(lock.newest().types()).extracting(t -> t.type() + " v" + t.version())
                .containsExactly("rebuild-index v1", "send-welcome v1");
        assertThat(project.log.at("INFO")).containsExactly(
                "baton snapshot: wrote baton.lock.json: release 1.0 with 2 job type(s) (rebuild-index v1, send-welcome v1)",
                "baton snapshot: kept 1.0");
    }

    @Test
    void keepsTheLastReleasesAndSaysWhichItDropped() throws Exception {
        for (String release : new String[] {"1.0", "1.1", "1.2"}) {
            SnapshotMojo snapshot = project.snapshot(release);
            snapshot.keep = 2;
            snapshot.execute();
        }

        assertThat(Lockfile.read(project.lockfile()).releases()).extracting(ContractSet::release)
                .containsExactly("1.2", "1.1");
        assertThat(project.log.at("INFO")).last().isEqualTo("baton snapshot: kept 1.2, 1.1; dropped 1.0 (beyond keep=2)");
    }

    @Test
    void aReSnapshotReplacesTheReleaseOfTheSameLabel() throws Exception {
        project.snapshot("1.0").execute();
        project.compiled("v2").snapshot("1.0").execute();

        Lockfile lock = Lockfile.read(project.lockfile());
        assertThat(lock.releases()).extracting(ContractSet::release).containsExactly("1.0");
        assertThat(lock.newest().type("send-welcome").orElseThrow().contract().fields()).hasSize(3);
    }

    @Test
    void keepBelowOneIsRefused() {
        SnapshotMojo snapshot = project.snapshot("1.0");
        snapshot.keep = 0;

        assertThatThrownBy(snapshot::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("keep");
        assertThat(project.lockfile()).doesNotExist();
    }

    @Test
    void withoutCompiledClassesItSaysToCompileFirst() throws Exception {
        SnapshotMojo snapshot = project.snapshot("1.0");
        snapshot.outputDirectory = dir.resolve("no-such-dir").toFile();

        snapshot.execute();

        assertThat(project.lockfile()).doesNotExist();
        assertThat(project.log.at("WARN")).singleElement().asString().contains("no compiled classes")
                .endsWith("(run `mvn compile baton:snapshot`)");
    }

    @Test
    void skipWritesNothing() throws Exception {
        SnapshotMojo snapshot = project.snapshot("1.0");
        snapshot.skip = true;

        snapshot.execute();

        assertThat(project.lockfile()).doesNotExist();
    }
}
