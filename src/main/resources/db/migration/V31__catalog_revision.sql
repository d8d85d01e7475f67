-- A counter bumped by every change to a catalog row or its content, so that readers may keep a
-- catalog in memory and check with one primary-key look-up that it is still current (the engine
-- reads the same catalog for every project on every page).
ALTER TABLE catalog ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
