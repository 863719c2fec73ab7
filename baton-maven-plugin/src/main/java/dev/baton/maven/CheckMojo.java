package dev.baton.maven;

import dev.baton.check.Checker;
import dev.baton.check.ContractSet;
import dev.baton.check.FailOn;
import dev.baton.check.LiveState;
import dev.baton.check.Lockfile;
import dev.baton.check.Report;
import dev.baton.check.ReportPrinter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code baton check} on the project's own classes: compares their job contracts with the lockfile (and, with
 * {@code jdbcUrl}, the live store), logs the report with its plan, writes it as JSON, and fails the build
 * as {@code failOn} says: by default on a change that would break a job in flight, or on a plan step the live
 * store shows not yet done. The exit codes of {@code baton check} map to Maven's outcomes: 1 (a finding fails
 * the check, or a {@code @Job} record the runtime would refuse) is a {@link MojoFailureException}; 2 (an
 * unreadable lockfile or classpath, a bad parameter) and 3 (the live store could not be read) are a
 * {@link MojoExecutionException}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class CheckMojo extends AbstractBatonMojo {

    private static final String GOAL = "check";

    /**
     * What fails the build: {@code breaking} (the default): BREAKING findings, and NEEDS_STEPS findings with a
     * step the live store shows not yet done; {@code needs-steps}: also NEEDS_STEPS findings with a step not
     * known to be done (without {@code jdbcUrl}, every one); {@code never}: log the report only. NEEDS_STEPS
     * findings that do not fail are logged as warnings. Unset means {@code breaking}.
     */
    @Parameter(property = "baton.failOn")
    String failOn;

    /**
     * Deprecated: use {@code failOn}. {@code false} is {@code failOn=never}; {@code true} is
     * {@code failOn=needs-steps}, this parameter's behaviour before {@code failOn} existed.
     */
    @Deprecated
    @Parameter(property = "baton.failOnFindings")
    Boolean failOnFindings;

    /** The report as JSON, for tools. */
    @Parameter(defaultValue = "${project.build.directory}/baton-check.json", readonly = true, required = true)
    File reportFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("baton check: skipped (baton.skip)");
            return;
        }
        FailOn threshold = threshold();
        ContractSet build = scan(GOAL);
        if (build == null) {
            return;
        }
        Lockfile lock = readLockfile(GOAL);
        LiveState live = liveState(GOAL);
        if (!lockfile.exists()) {
            getLog().warn("baton check: " + Lockfile.missingMessage(shown(lockfile), "mvn compile baton:snapshot",
                    "baton snapshot --classpath " + shown(outputDirectory) + " --release " + release));
        }
        Report report = Checker.check(build, lock, live);
        log(report, threshold);
        writeReport(report, threshold);
        if (report.exitCode(threshold) != 0) {
            throw new MojoFailureException("baton check: " + ReportPrinter.summary(report) + "; blocking (failOn="
                    + threshold.label() + "): " + ReportPrinter.blockingNames(report, threshold) + "; see "
                    + shown(reportFile));
        }
    }

    /** {@code failOn}, or what the deprecated {@code failOnFindings} stood for; a wrong value is a build error. */
    @SuppressWarnings("deprecation")
    FailOn threshold() throws MojoExecutionException {
        if (failOnFindings != null) {
            if (failOn != null) {
                throw new MojoExecutionException("baton check: both failOn (" + failOn + ") and the deprecated "
                        + "failOnFindings (" + failOnFindings + ") are set: drop failOnFindings");
            }
            FailOn replacement = failOnFindings ? FailOn.NEEDS_STEPS : FailOn.NEVER;
            getLog().warn("baton check: failOnFindings is deprecated: set failOn=" + replacement.label()
                    + " (baton.failOn) instead of failOnFindings=" + failOnFindings);
            return replacement;
        }
        if (failOn == null) {
            return FailOn.DEFAULT;
        }
        try {
            return FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("baton check: failOn: " + e.getMessage());
        }
    }

    /**
     * The text report line by line, at the level each line is meant: BREAKING findings and those that fail the
     * build at ERROR, warnings at WARN, the rest at INFO. No colour: logs are files.
     */
    private void log(Report report, FailOn threshold) {
        for (ReportPrinter.Line line : ReportPrinter.lines(report, threshold)) {
            switch (line.level()) {
                case ERROR -> getLog().error(line.text());
                case WARN -> getLog().warn(line.text());
                case INFO -> getLog().info(line.text());
            }
        }
    }

    private void writeReport(Report report, FailOn threshold) throws MojoExecutionException {
        Path path = reportFile.toPath();
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, ReportPrinter.json(report, threshold), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("baton check: cannot write " + path + ": " + e, e);
        }
    }
}
