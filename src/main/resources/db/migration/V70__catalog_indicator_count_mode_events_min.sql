-- ENTITY_COUNT: count entities begun or active within each sub-period (ACTIVE, default) or begun within it (STARTED).
-- AMOUNT with aggregate EVENTS_AT_LEAST: how many events must each reach the target amount.
ALTER TABLE catalog_indicator ADD COLUMN count_mode VARCHAR(16);
ALTER TABLE catalog_indicator ADD COLUMN events_min INT;
