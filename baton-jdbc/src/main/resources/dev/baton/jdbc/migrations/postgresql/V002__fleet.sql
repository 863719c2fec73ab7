-- One row per running node, replaced at each start and kept fresh by heartbeats.
CREATE TABLE baton_nodes (
    id           varchar(200) PRIMARY KEY,
    release      varchar(100),
    host         varchar(255),
    role         varchar(50),
    -- JSON arrays as text: only Baton reads them, whole; the database never looks inside.
    queues       text NOT NULL,
    types        text NOT NULL,
    started_at   timestamp with time zone NOT NULL,
    heartbeat_at timestamp with time zone NOT NULL
);

-- Liveness and pruning both filter on the last heartbeat.
CREATE INDEX baton_nodes_heartbeat ON baton_nodes (heartbeat_at);

-- Every contract ever registered, never updated: the first release to register one is kept.
CREATE TABLE baton_contracts (
    type          varchar(200) NOT NULL,
    version       int NOT NULL,
    fingerprint   varchar(64) NOT NULL,
    queue         varchar(200) NOT NULL,
    contract      text NOT NULL,
    release       varchar(100),
    registered_at timestamp with time zone NOT NULL,
    PRIMARY KEY (type, version, fingerprint)
);

-- Purged jobs, keyed by their original id, with what it takes to enqueue them again.
CREATE TABLE baton_archive (
    id           bigint PRIMARY KEY,
    type         varchar(200) NOT NULL,
    version      int NOT NULL,
    queue        varchar(200) NOT NULL,
    payload      text NOT NULL,
    priority     int NOT NULL,
    max_attempts int NOT NULL,
    created_at   timestamp with time zone NOT NULL,
    release      varchar(100),
    archived_at  timestamp with time zone NOT NULL
);

CREATE INDEX baton_archive_type ON baton_archive (type, archived_at);
