-- 本项目服务成果不得与其他政府购买社工服务项目成果重复利用: a service record, case or group counts for exactly
-- one project. project_id (V20, V40) is the tie; project_tie says how it was made:
--   ONLY      the only project covering the station on the date
--   EARLIEST  several projects covered it; the earliest-started one (then the lowest id) was taken
--   CHOSEN    the worker chose the project when recording
--   LATER     no project covered it when recorded; tied when a project covering it was saved
--   MOVED     a bureau officer moved it to another overlapping project (audited)
ALTER TABLE service_record ADD COLUMN project_tie VARCHAR(16);
ALTER TABLE cw_case ADD COLUMN project_tie VARCHAR(16);
ALTER TABLE cw_group ADD COLUMN project_tie VARCHAR(16);

-- Rows recorded while two projects overlapped (left untied until now) or before any project covered them:
-- the earliest-started covering project, then the lowest id.
UPDATE service_record SET project_tie = 'ONLY' WHERE project_id IS NOT NULL;
UPDATE service_record SET project_id = (
    SELECT MIN(p.id) FROM project p JOIN project_station ps ON ps.project_id = p.id
    WHERE ps.station_id = service_record.station_id
      AND service_record.service_date BETWEEN p.start_date AND p.end_date
      AND p.start_date = (
          SELECT MIN(p2.start_date) FROM project p2 JOIN project_station ps2 ON ps2.project_id = p2.id
          WHERE ps2.station_id = service_record.station_id
            AND service_record.service_date BETWEEN p2.start_date AND p2.end_date)),
    project_tie = 'EARLIEST'
WHERE project_id IS NULL;
UPDATE service_record SET project_tie = NULL WHERE project_id IS NULL;

UPDATE cw_case SET project_tie = 'ONLY' WHERE project_id IS NOT NULL;
UPDATE cw_case SET project_id = (
    SELECT MIN(p.id) FROM project p JOIN project_station ps ON ps.project_id = p.id
    WHERE ps.station_id = cw_case.station_id
      AND cw_case.opened_on BETWEEN p.start_date AND p.end_date
      AND p.start_date = (
          SELECT MIN(p2.start_date) FROM project p2 JOIN project_station ps2 ON ps2.project_id = p2.id
          WHERE ps2.station_id = cw_case.station_id
            AND cw_case.opened_on BETWEEN p2.start_date AND p2.end_date)),
    project_tie = 'EARLIEST'
WHERE project_id IS NULL;
UPDATE cw_case SET project_tie = NULL WHERE project_id IS NULL;

UPDATE cw_group SET project_tie = 'ONLY' WHERE project_id IS NOT NULL;
UPDATE cw_group SET project_id = (
    SELECT MIN(p.id) FROM project p JOIN project_station ps ON ps.project_id = p.id
    WHERE ps.station_id = cw_group.station_id
      AND cw_group.opened_on BETWEEN p.start_date AND p.end_date
      AND p.start_date = (
          SELECT MIN(p2.start_date) FROM project p2 JOIN project_station ps2 ON ps2.project_id = p2.id
          WHERE ps2.station_id = cw_group.station_id
            AND cw_group.opened_on BETWEEN p2.start_date AND p2.end_date)),
    project_tie = 'EARLIEST'
WHERE project_id IS NULL;
UPDATE cw_group SET project_tie = NULL WHERE project_id IS NULL;

-- The people served carry their record's project, so per-person indicators read one project's range.
ALTER TABLE service_person_fact ADD COLUMN project_id BIGINT;
UPDATE service_person_fact SET project_id = (
    SELECT r.project_id FROM service_record r WHERE r.id = service_person_fact.record_id);
CREATE INDEX idx_person_fact_project_scan
    ON service_person_fact (project_id, station_id, kind, service_date, recipient_id);

-- The engine's grouped scan of one project's records (covering, like idx_service_record_facts).
CREATE INDEX idx_service_record_project_facts
    ON service_record (project_id, station_id, qualification, status, kind, service_date, domain);
CREATE INDEX idx_cw_case_project ON cw_case (project_id);
CREATE INDEX idx_cw_group_project ON cw_group (project_id);
