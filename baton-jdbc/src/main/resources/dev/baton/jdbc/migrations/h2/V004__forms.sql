-- A producer writing for a mixed fleet stores its own version and, beside it, the older forms the older
-- live workers read (forms: a JSON object, version -> payload text). min_version is the oldest stored
-- form: a worker claims a job when its readable range meets [min_version, version], and takes the newest
-- form it reads, so no value is lost to a downcast on the way to a newer worker.
ALTER TABLE baton_jobs ADD COLUMN min_version INT;

UPDATE baton_jobs SET min_version = version;

ALTER TABLE baton_jobs ALTER COLUMN min_version SET NOT NULL;

ALTER TABLE baton_jobs ADD COLUMN forms CLOB;
