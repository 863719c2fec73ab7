package dev.baton.cli;

import dev.baton.check.Checker;
import dev.baton.check.ContractSet;
import dev.baton.check.Lockfile;
import dev.baton.check.Report;
import dev.baton.cli.deploy.ShopRelease;
import java.util.List;

/** {@code baton check} of the example's N+1 against N: N's contracts as the lockfile, N+1's as the build. */
final class DeployCheck {

    private DeployCheck() {}

    static Report of(ShopRelease n, ShopRelease n1) {
        ContractSet lock = ContractSet.of("N", n.jobRecords());
        ContractSet build = ContractSet.of("N+1", n1.jobRecords());
        return Checker.check(build, new Lockfile(List.of(lock)), null);
    }
}
