-- Values every node of a cluster must agree on, written once by the first node that needs them
-- (the cluster id InfluxDB subscriptions are named after). Not part of store backups: restoring a backup must
-- not change the identity of the cluster it is restored into.
CREATE TABLE IF NOT EXISTS cluster_settings (
    setting VARCHAR NOT NULL PRIMARY KEY,
    setting_value VARCHAR NOT NULL
);
