-- Runs: every start of a node gets a fresh run id, recorded on the jobs it claims and on its fleet row.
-- A lease belongs to a run and an attempt, so a process restarted under the same node id never extends,
-- and so never keeps, the leases of the process before it.
-- Run ids key advisory locks, which take 32-bit keys: the sequence stays below 2^31 and wraps.
CREATE SEQUENCE baton_runs MAXVALUE 2147483647 CYCLE;

ALTER TABLE baton_jobs ADD COLUMN run_id BIGINT;

ALTER TABLE baton_nodes ADD COLUMN run_id BIGINT;
