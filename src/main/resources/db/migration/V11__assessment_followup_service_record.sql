-- A home assessment or follow-up is also a service record (入户需求评估 / 回访) so that it carries
-- photo evidence, is qualified like every other service, and counts toward the indicators.
ALTER TABLE home_assessment ADD COLUMN service_record_id BIGINT;
ALTER TABLE followup_record ADD COLUMN service_record_id BIGINT;
