-- One row per running node, replaced at each start and kept fresh by heartbeats.
CREATE TABLE baton_nodes (
    id           VARCHAR(200) PRIMARY KEY,
    release      VARCHAR(100),
    host         VARCHAR(255),
    role         VARCHAR(50),
    -- JSON arrays as CLOB: only Baton reads them, whole; the database never looks inside.
    queues       CLOB NOT NULL,
    types        CLOB NOT NULL,
    started_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Liveness and pruning both filter on the last heartbeat.
CREATE INDEX baton_nodes_heartbeat ON baton_nodes (heartbeat_at);

-- Every contract ever registered, never updated: the first release to register one is kept.
CREATE TABLE baton_contracts (
    type          VARCHAR(200) NOT NULL,
    version       INT NOT NULL,
    fingerprint   VARCHAR(64) NOT NULL,
    queue         VARCHAR(200) NOT NULL,
    contract      CLOB NOT NULL,
    release       VARCHAR(100),
    registered_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (type, version, fingerprint)
);

-- Purged jobs, keyed by their original id, with what it takes to enqueue them again.
CREATE TABLE baton_archive (
    id           BIGINT PRIMARY KEY,
    type         VARCHAR(200) NOT NULL,
    version      INT NOT NULL,
    queue        VARCHAR(200) NOT NULL,
    payload      CLOB NOT NULL,
    priority     INT NOT NULL,
    max_attempts INT NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    release      VARCHAR(100),
    archived_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX baton_archive_type ON baton_archive (type, archived_at);
