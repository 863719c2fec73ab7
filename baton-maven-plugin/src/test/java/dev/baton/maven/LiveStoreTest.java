package dev.baton.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.check.ContractSet;
import dev.baton.check.Lockfile;
import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodeType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jdbcUrl: the goals read the fleet and job counts of a real (in-memory H2) store through baton-jdbc. */
class LiveStoreTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    FixtureProject project;
    String url;
    JdbcStore store; // held open so that the in-memory database lives while the goals open and close theirs

    @BeforeEach
    void setUp() {
        project = new FixtureProject(dir).compiled("v1");
        url = "jdbc:h2:mem:baton_maven_" + UUID.randomUUID().toString().replace("-", "");
        store = JdbcStore.connect(url);
        store.migrate();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void planStepsAreAnsweredFromTheLiveFleet() throws Exception {
        // A worker of this build already runs both types: deploying workers first is done.
        store.nodeRegister(worker("node-1", "1.0", NOW.minusSeconds(10), "rebuild-index", "send-welcome"));

        CheckMojo check = live(project.check("1.0"));
        check.execute();

        assertThat(project.log.at("INFO")).contains("baton check: live store read: 1 live node(s), 0 job count row(s)",
                "0 breaking, 2 need steps, 0 safe");
        assertThat(project.log.at("WARN")).contains(
                "  1. deploy workers before producers, or enqueue with WritePolicy.REQUIRE_CAPABLE_WORKER [done]");
        assertThat(project.reportJson().get("exitCode").asInt()).isZero();
    }

    @Test
    void aNodeSilentForMoreThanThirtySecondsIsNotLive() {
        store.nodeRegister(worker("node-1", "1.0", NOW.minusSeconds(31), "rebuild-index", "send-welcome"));

        // No worker of the new types is live: with failOn=breaking, a step the store shows undone fails the build.
        assertThatThrownBy(() -> live(project.check("1.0")).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("blocking (failOn=breaking): new-type (rebuild-index), new-type (send-welcome)");

        assertThat(project.log.at("INFO")).contains("baton check: live store read: 0 live node(s), 0 job count row(s)");
        assertThat(project.log.at("ERROR")).contains(
                "  1. deploy workers before producers, or enqueue with WritePolicy.REQUIRE_CAPABLE_WORKER [not yet]");
    }

    @Test
    void snapshotDropsOlderReleasesNothingLiveNeeds() throws Exception {
        project.snapshot("0.9").execute();
        project.snapshot("1.0").execute();
        live(project.snapshot("1.1")).execute();

        // 0.9 and 1.0 have the same contracts as 1.1, and no node of theirs is live: only 1.1 is needed.
        assertThat(Lockfile.read(project.lockfile()).releases()).extracting(ContractSet::release).containsExactly("1.1");
        assertThat(project.log.at("INFO")).last()
                .isEqualTo("baton snapshot: kept 1.1; dropped 1.0, 0.9 (beyond keep=3 or not needed by the live store)");
    }

    @Test
    void snapshotKeepsAReleaseWithALiveNode() throws Exception {
        project.snapshot("0.9").execute();
        project.snapshot("1.0").execute();
        store.nodeRegister(worker("node-1", "0.9", NOW, "rebuild-index", "send-welcome"));

        live(project.snapshot("1.1")).execute();

        assertThat(Lockfile.read(project.lockfile()).releases()).extracting(ContractSet::release)
                .containsExactly("1.1", "0.9");
    }

    @Test
    void aStoreWithoutBatonsSchemaIsAnExecutionError() {
        CheckMojo check = project.check("1.0");
        check.jdbcUrl = "jdbc:h2:mem:baton_maven_empty_" + UUID.randomUUID().toString().replace("-", "");

        assertThatThrownBy(check::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("baton check: cannot read the live store: ")
                .hasMessageContaining("schema");
        assertThat(project.report()).doesNotExist();
    }

    @Test
    void anUnsupportedUrlIsAnExecutionError() {
        CheckMojo check = project.check("1.0");
        check.jdbcUrl = "jdbc:mysql://localhost/baton";

        assertThatThrownBy(check::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("baton check: cannot read the live store: ");
        assertThat(project.report()).doesNotExist();
    }

    private <T extends AbstractBatonMojo> T live(T mojo) {
        mojo.jdbcUrl = url;
        mojo.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return mojo;
    }

    private static NodeRecord worker(String id, String release, Instant heartbeat, String... types) {
        List<NodeType> read = java.util.Arrays.stream(types)
                .map(t -> new NodeType(t, List.of(), 1, 1, List.of("default"), false))
                .toList();
        return new NodeRecord(id, 1L, release, "host-1", "worker", List.of("default"), read, heartbeat, heartbeat,
                dev.baton.spi.ConnectionState.NOT_TRACKED);
    }
}
