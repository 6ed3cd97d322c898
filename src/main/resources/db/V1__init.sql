-- Portable between PostgreSQL 15+ and H2 (MODE=PostgreSQL): JSON documents are VARCHAR text encoded in Java.
CREATE TABLE IF NOT EXISTS tasks (
    id VARCHAR NOT NULL PRIMARY KEY,
    template_id VARCHAR,
    type VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_template_id ON tasks (template_id);
CREATE INDEX IF NOT EXISTS tasks_status ON tasks (status);

CREATE TABLE IF NOT EXISTS templates (
    id VARCHAR NOT NULL PRIMARY KEY,
    type VARCHAR NOT NULL,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS recordings (
    id VARCHAR NOT NULL PRIMARY KEY,
    type VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS replays (
    id VARCHAR NOT NULL PRIMARY KEY,
    recording_id VARCHAR NOT NULL,
    task_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS topic_event_states (
    topic VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    level VARCHAR NOT NULL,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL,
    PRIMARY KEY (topic, event_id)
);

CREATE TABLE IF NOT EXISTS handler_specs (
    topic VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL,
    PRIMARY KEY (topic, id)
);

CREATE TABLE IF NOT EXISTS config_overrides (
    section VARCHAR NOT NULL,
    element VARCHAR NOT NULL,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL,
    PRIMARY KEY (section, element)
);

CREATE TABLE IF NOT EXISTS users (
    name VARCHAR NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS flux_tasks (
    id VARCHAR NOT NULL PRIMARY KEY,
    name VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS flux_runs (
    id VARCHAR NOT NULL PRIMARY KEY,
    task_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    scheduled_for BIGINT NOT NULL,
    version BIGINT NOT NULL,
    data VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS flux_runs_task_id ON flux_runs (task_id);

CREATE TABLE IF NOT EXISTS flux_logs (
    run_id VARCHAR NOT NULL,
    seq BIGINT NOT NULL,
    task_id VARCHAR NOT NULL,
    logged_at BIGINT NOT NULL,
    message VARCHAR NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX IF NOT EXISTS flux_logs_task_id ON flux_logs (task_id);

CREATE TABLE IF NOT EXISTS task_snapshots (
    task_id VARCHAR NOT NULL PRIMARY KEY,
    epoch BIGINT NOT NULL,
    data VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS task_leases (
    task_id VARCHAR NOT NULL PRIMARY KEY,
    node_id VARCHAR NOT NULL,
    epoch BIGINT NOT NULL,
    renewed_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS task_leases_node_id ON task_leases (node_id);
