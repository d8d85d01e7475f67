-- Compliance snapshot (#23): each project's figures per station as the engine last computed them, so home pages and
-- boards read one table instead of recomputing every project on each load. A write that touches a station's facts
-- marks its rows stale (stale_since); a refresher recomputes them. Pages show computed_at and stale_since.
CREATE TABLE compliance_snapshot (
    project_id   BIGINT                   NOT NULL,
    station_id   BIGINT                   NOT NULL,
    org_path     VARCHAR(512)             NOT NULL,
    station_name VARCHAR(200)             NOT NULL,
    as_of        DATE                     NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    stale_since  TIMESTAMP WITH TIME ZONE,
    payload      TEXT                     NOT NULL,
    version      BIGINT                   NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, station_id)
);
CREATE INDEX idx_compliance_snapshot_path ON compliance_snapshot (org_path);

-- One refresher per project at a time across instances: a refresher claims the project until claimed_until.
CREATE TABLE compliance_snapshot_claim (
    project_id    BIGINT                   NOT NULL PRIMARY KEY,
    claimed_until TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL DEFAULT 0
);

-- Lists page on the server in their default order (#23 item 4): a city-wide scope matches nearly every row, so an
-- index in list order lets the first page be read without sorting the table (scanned backwards for DESC).
CREATE INDEX idx_service_record_date_id ON service_record (service_date, id);
CREATE INDEX idx_recipient_path_name_id ON recipient (org_path, name, id);
