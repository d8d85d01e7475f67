-- The people served by qualifying records, one row per (record, person), with the record's station, kind
-- and date copied beside them. Per-person indicators (每人每季度回访, 覆盖率) read one index range of this
-- table instead of joining records to participants: a join's plan depends on the planner's cost settings
-- and read the whole city's participant table for each project (bench/compliance-bench.sh). Written only
-- by the activity module's RecordStore, whenever a record's participants, dates, status or qualification
-- change; a record that does not count has no rows here.
CREATE TABLE service_person_fact (
    record_id    BIGINT      NOT NULL REFERENCES service_record (id),
    recipient_id BIGINT      NOT NULL,
    station_id   BIGINT      NOT NULL,
    kind         VARCHAR(32) NOT NULL,
    service_date DATE        NOT NULL,
    PRIMARY KEY (record_id, recipient_id)
);
CREATE INDEX idx_person_fact_scan ON service_person_fact (station_id, kind, service_date, recipient_id);

INSERT INTO service_person_fact (record_id, recipient_id, station_id, kind, service_date)
SELECT DISTINCT r.id, p.recipient_id, r.station_id, r.kind, r.service_date
FROM service_record r JOIN service_record_participant p ON p.record_id = r.id
WHERE r.status = 'ACTIVE' AND r.qualification = 'COUNTS' AND p.recipient_id IS NOT NULL;
