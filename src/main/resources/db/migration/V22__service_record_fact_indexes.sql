-- The indicator engine's grouped scans (ServiceRecordFacts) read only the qualifying, active records
-- of a project's stations, and of those only station, kind, domain, date and id. With exactly these
-- columns in one index, each scan is an index-only range scan over a structure several times narrower
-- than the record table (the benchmark in bench/compliance-bench.sh compares it with a plain scan).
CREATE INDEX idx_service_record_facts
    ON service_record (station_id, qualification, status, kind, service_date, domain, id);

-- Per-person counts join the people served by record id and need only their recipient id.
CREATE INDEX idx_participant_record_recipient ON service_record_participant (record_id, recipient_id);
