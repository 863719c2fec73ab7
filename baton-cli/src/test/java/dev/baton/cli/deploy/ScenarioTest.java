package dev.baton.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    private static final Step PHASE = new Step.WaitTime(Duration.ofSeconds(1));

    /** Steps as text: "+N+1 web", "-N web", "~" for a phase of traffic. */
    private static List<String> moves(Scenario scenario) {
        return scenario.steps().stream().map(step -> {
            if (step instanceof Step.Start start) {
                return "+" + start.node().label();
            }
            if (step instanceof Step.Stop stop) {
                return "-" + stop.node().label();
            }
            return "~";
        }).toList();
    }

    @Test
    void everyScenarioStartsFromReleaseNWithOneWebAndTwoWorkers() {
        for (Scenario scenario : Scenario.all(() -> PHASE)) {
            assertThat(scenario.initial()).extracting(NodeSpec::nodeId).containsExactly("web-n", "worker-1-n", "worker-2-n");
            assertThat(scenario.steps().get(0)).as("steady state on N first").isEqualTo(PHASE);
            assertThat(scenario.steps().get(scenario.steps().size() - 1)).as("traffic after the last move").isEqualTo(PHASE);
        }
    }

    @Test
    void webFirstReplacesTheWebThenEachWorkerNewNodeBeforeOldOne() {
        assertThat(moves(Scenario.webFirst(() -> PHASE))).containsExactly("~",
                "+N+1 web", "-N web", "~",
                "+N+1 worker-1", "-N worker-1", "~",
                "+N+1 worker-2", "-N worker-2", "~");
    }

    @Test
    void workersFirstReplacesTheWorkersThenTheWeb() {
        assertThat(moves(Scenario.workersFirst(() -> PHASE))).containsExactly("~",
                "+N+1 worker-1", "-N worker-1", "~",
                "+N+1 worker-2", "-N worker-2", "~",
                "+N+1 web", "-N web", "~");
    }

    @Test
    void rollbackGoesHalfwayThenBackWebFirstSoTheLastNPlusOneWorkerRunsWhatOnlyItKnows() {
        assertThat(moves(Scenario.rollback(() -> PHASE))).containsExactly("~",
                "+N+1 web", "-N web", "~",
                "+N+1 worker-1", "-N worker-1", "~",
                "+N web", "-N+1 web", "~",
                "+N worker-1", "-N+1 worker-1", "~");
    }

    @Test
    void nodeIdsTellTheReleasesApart() {
        assertThat(NodeSpec.web(NodeSpec.N1).nodeId()).isEqualTo("web-n1");
        assertThat(NodeSpec.worker(NodeSpec.N, 2).nodeId()).isEqualTo("worker-2-n");
        assertThat(NodeSpec.worker(NodeSpec.N1, 1).label()).isEqualTo("N+1 worker-1");
    }
}
