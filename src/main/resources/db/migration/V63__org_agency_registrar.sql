-- Security hardening (issue 18, finding 1): the org unit (bureau) that registered an agency, so an
-- agency registered in one county is not visible or linkable from another. NULL for agencies
-- registered before this column (and by the system administrator).
ALTER TABLE agency ADD COLUMN org_unit_id BIGINT REFERENCES org_unit (id);
