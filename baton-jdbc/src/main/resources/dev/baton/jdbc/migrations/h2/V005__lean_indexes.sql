-- Claims read due rows in claim order straight from an index. H2 has no partial indexes, so a generated
-- column holds the queue of claimable rows only (NULL once a job runs, completes or dies), and an index
-- over it, in claim order, skips every other row as PostgreSQL's partial claim index does. Without it a
-- claim read and sorted every waiting row of its queue, so a drain slowed as its backlog grew.
ALTER TABLE baton_jobs ADD COLUMN claim_queue VARCHAR(200)
    GENERATED ALWAYS AS (CASE WHEN state IN ('waiting', 'scheduled', 'retrying') THEN queue END);

CREATE INDEX baton_jobs_claim_order ON baton_jobs (claim_queue, priority DESC, run_at, id);
