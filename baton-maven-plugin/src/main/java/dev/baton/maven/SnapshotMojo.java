package dev.baton.maven;

import dev.baton.check.ContractSet;
import dev.baton.check.LiveState;
import dev.baton.check.Lockfile;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code baton snapshot}: records the project's job contracts in the lockfile as this release, first, keeping
 * the last {@code keep} releases; with {@code jdbcUrl}, also drops older releases nothing live needs. Run it
 * when a release ships, and commit the file.
 */
@Mojo(name = "snapshot", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class SnapshotMojo extends AbstractBatonMojo {

    private static final String GOAL = "snapshot";

    /** How many releases the lockfile keeps, this one included. */
    @Parameter(property = "baton.keep", defaultValue = "3")
    int keep = Lockfile.DEFAULT_KEEP;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("baton snapshot: skipped (baton.skip)");
            return;
        }
        if (keep < 1) {
            throw new MojoExecutionException("baton snapshot: keep must be 1 or more (the build itself), was " + keep);
        }
        ContractSet build = scan(GOAL);
        if (build == null) {
            return;
        }
        Lockfile before = readLockfile(GOAL);
        Lockfile after = before.withSnapshot(build, keep);
        LiveState live = liveState(GOAL);
        if (live != null) {
            after = after.pruned(live);
        }
        try {
            after.write(lockfile.toPath());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("baton snapshot: " + e.getMessage(), e);
        }
        List<String> kept = after.releases().stream().map(ContractSet::release).toList();
        List<String> dropped = before.releases().stream()
                .map(ContractSet::release)
                .filter(r -> !kept.contains(r))
                .toList();
        getLog().info("baton snapshot: wrote " + shown(lockfile) + ": release " + build.release() + " with "
                + build.types().size() + " job type(s)" + (build.types().isEmpty() ? "" : " (" + String.join(", ",
                        build.types().stream().map(t -> t.type() + " v" + t.version()).toList()) + ")"));
        String why = live == null ? "beyond keep=" + keep : "beyond keep=" + keep + " or not needed by the live store";
        getLog().info("baton snapshot: kept " + String.join(", ", kept)
                + (dropped.isEmpty() ? "" : "; dropped " + String.join(", ", dropped) + " (" + why + ")"));
    }
}
