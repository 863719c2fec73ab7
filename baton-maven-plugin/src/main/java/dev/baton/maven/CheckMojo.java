package dev.baton.maven;

import dev.baton.check.Checker;
import dev.baton.check.ContractSet;
import dev.baton.check.Finding;
import dev.baton.check.LiveState;
import dev.baton.check.Lockfile;
import dev.baton.check.Report;
import dev.baton.check.ReportPrinter;
import dev.baton.check.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code baton check} on the project's own classes: compares their job contracts with the lockfile (and, with
 * {@code jdbcUrl}, the live store), logs the report with its plan, writes it as JSON, and fails the build
 * when a change would break a job in flight or a plan step is not known to be done.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class CheckMojo extends AbstractBatonMojo {

    private static final String GOAL = "check";

    /** Fails the build on a blocking finding (the CLI's exit code 1); false only logs it. */
    @Parameter(property = "baton.failOnFindings", defaultValue = "true")
    boolean failOnFindings = true;

    /** The report as JSON, for tools. */
    @Parameter(defaultValue = "${project.build.directory}/baton-check.json", readonly = true, required = true)
    File reportFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("baton check: skipped (baton.skip)");
            return;
        }
        ContractSet build = scan(GOAL);
        if (build == null) {
            return;
        }
        Lockfile lock = readLockfile(GOAL);
        LiveState live = liveState(GOAL);
        Report report = Checker.check(build, lock, live);
        log(report);
        writeReport(report);
        if (report.exitCode() == 0) {
            return;
        }
        String message = "baton check: " + ReportPrinter.summary(report) + "; blocking: " + blocking(report)
                + "; see " + shown(reportFile);
        if (failOnFindings) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + " (not failing: baton.failOnFindings is false)");
    }

    /** The text report line by line: the BREAKING group at ERROR, the rest at INFO. No colour: logs are files. */
    private void log(Report report) {
        String breakingHeader = Severity.BREAKING.name() + " (";
        boolean inBreaking = false;
        String text = ReportPrinter.text(report, false);
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) { // without the final newline
            if (line.startsWith(breakingHeader)) {
                inBreaking = true;
            } else if (line.isEmpty()) {
                inBreaking = false; // groups end with a blank line
            }
            if (inBreaking) {
                getLog().error(line);
            } else {
                getLog().info(line);
            }
        }
    }

    private void writeReport(Report report) throws MojoExecutionException {
        Path path = reportFile.toPath();
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, ReportPrinter.json(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("baton check: cannot write " + path + ": " + e, e);
        }
    }

    /** {@code required-field-added (send-email), new-type (send-newsletter)}: the findings that fail the check. */
    private static String blocking(Report report) {
        List<String> names = report.findings().stream()
                .filter(Finding::blocks)
                .map(f -> f.rule() + " (" + f.type() + ")")
                .distinct()
                .toList();
        int shown = Math.min(names.size(), 5);
        String listed = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? listed + " and " + (names.size() - shown) + " more" : listed;
    }
}
