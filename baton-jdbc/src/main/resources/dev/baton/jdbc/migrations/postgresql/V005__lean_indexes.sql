-- Index only the rows each lookup needs: only running rows have a lease, only finished rows are pruned,
-- and only unfinished jobs with a unique key take part in uniqueness. An insert then writes the
-- primary key and the claim index alone, and a claim adds one lease entry.
DROP INDEX baton_jobs_lease;

CREATE INDEX baton_jobs_lease ON baton_jobs (lease_expires_at, id) WHERE state = 'running';

DROP INDEX baton_jobs_finished;

CREATE INDEX baton_jobs_finished ON baton_jobs (state, finished_at, id) WHERE state IN ('completed', 'dead');

DROP INDEX baton_jobs_unique_live;

CREATE UNIQUE INDEX baton_jobs_unique_live ON baton_jobs (type, unique_live) WHERE unique_live IS NOT NULL;
