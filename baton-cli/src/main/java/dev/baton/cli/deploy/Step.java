package dev.baton.cli.deploy;

import java.time.Duration;
import java.util.Objects;

/** One step of a deploy scenario: a node joins or leaves, or traffic runs for a while. */
public sealed interface Step {

    /** A node starts and joins the fleet. */
    record Start(NodeSpec node) implements Step {
        public Start {
            Objects.requireNonNull(node, "node");
        }
    }

    /** A node shuts down gracefully and leaves the fleet. */
    record Stop(NodeSpec node) implements Step {
        public Stop {
            Objects.requireNonNull(node, "node");
        }
    }

    /** A node is killed with SIGKILL: it says nothing, releases nothing, and its process is gone. */
    record Kill(NodeSpec node) implements Step {
        public Kill {
            Objects.requireNonNull(node, "node");
        }
    }

    /**
     * Shows, in the progress lines, the jobs Baton holds back right now as stranded and why: what `baton
     * stranded` would say at this moment of the deploy.
     */
    record ShowStranded() implements Step {}

    /** Traffic runs for this long. */
    record WaitTime(Duration duration) implements Step {
        public WaitTime {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * Traffic runs until this many more jobs were enqueued, or for {@code atMost}, whichever comes first:
     * the same amount of traffic per phase on a fast machine and on a slow one.
     */
    record WaitJobs(long jobs, Duration atMost) implements Step {
        public WaitJobs {
            Objects.requireNonNull(atMost, "atMost");
        }
    }
}
