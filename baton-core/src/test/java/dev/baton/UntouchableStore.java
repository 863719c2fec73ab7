package dev.baton;

import dev.baton.spi.ClaimedJob;
import dev.baton.spi.InsertedJob;
import dev.baton.spi.JobClaimParams;
import dev.baton.spi.JobCompleteParams;
import dev.baton.spi.JobCount;
import dev.baton.spi.JobDeadParams;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobLeaseExtendParams;
import dev.baton.spi.JobListParams;
import dev.baton.spi.JobPruneParams;
import dev.baton.spi.JobRecord;
import dev.baton.spi.JobReleaseParams;
import dev.baton.spi.JobRescueParams;
import dev.baton.spi.JobRescueResult;
import dev.baton.spi.JobRetryParams;
import dev.baton.spi.JobStore;
import dev.baton.spi.StoreListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A store for tests of what must not reach a store: every call is recorded, then refused. */
final class UntouchableStore implements JobStore {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** The operations called so far, by name. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    private <T> T refuse(String operation) {
        calls.add(operation);
        throw new UnsupportedOperationException(operation + " must not be called in this test");
    }

    @Override
    public String name() {
        return refuse("name");
    }

    @Override
    public void migrate() {
        refuse("migrate");
    }

    @Override
    public List<InsertedJob> jobInsert(JobInsertParams params) {
        return refuse("jobInsert");
    }

    @Override
    public List<ClaimedJob> jobClaim(JobClaimParams params) {
        return refuse("jobClaim");
    }

    @Override
    public boolean jobComplete(JobCompleteParams params) {
        return refuse("jobComplete");
    }

    @Override
    public boolean jobRetry(JobRetryParams params) {
        return refuse("jobRetry");
    }

    @Override
    public boolean jobDead(JobDeadParams params) {
        return refuse("jobDead");
    }

    @Override
    public int jobRelease(JobReleaseParams params) {
        return refuse("jobRelease");
    }

    @Override
    public int jobLeaseExtend(JobLeaseExtendParams params) {
        return refuse("jobLeaseExtend");
    }

    @Override
    public JobRescueResult jobRescue(JobRescueParams params) {
        return refuse("jobRescue");
    }

    @Override
    public int jobPrune(JobPruneParams params) {
        return refuse("jobPrune");
    }

    @Override
    public Optional<JobRecord> jobGet(long id) {
        return refuse("jobGet");
    }

    @Override
    public List<JobRecord> jobList(JobListParams params) {
        return refuse("jobList");
    }

    @Override
    public List<JobCount> jobCount() {
        return refuse("jobCount");
    }

    @Override
    public Optional<StoreListener> listener() {
        return refuse("listener");
    }

    @Override
    public void close() {
        refuse("close");
    }

    @Override
    public String toString() {
        return "UntouchableStore" + calls;
    }
}
