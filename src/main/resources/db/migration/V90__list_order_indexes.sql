-- Lists page on the server in their default order (issue #23 item 4). The record list (service_date, id) and the
-- ledger (org_path, name, id) got theirs with V82; the audit log pages by its primary key. A station's volunteers
-- are listed current ones first (left_on NULLS FIRST, id): this index serves that order without a sort.
CREATE INDEX idx_volunteer_station_left_id ON volunteer (station_id, left_on NULLS FIRST, id);
