-- #23: each stored figures' identity, new at every write, so that a reader which parsed a station's figures before
-- reads this key instead of the figures (tens of kilobytes a station) to know they are still current. Rows written
-- before have none and are read in full until their next refresh.
ALTER TABLE compliance_snapshot ADD COLUMN payload_key VARCHAR(36);
