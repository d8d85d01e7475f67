-- The indicator engine reads a project's ledgers by station (one read of people and categories per computation,
-- issue #23): without these, every computation scanned the whole city's recipient and roster tables.
CREATE INDEX idx_recipient_station ON recipient (station_id, status);
CREATE INDEX idx_followup_roster_station ON followup_roster (station_id);
