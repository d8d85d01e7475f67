-- 离线记录（issue 21）: a case session (个案过程记录) recorded offline keeps which case and which session it became,
-- beside the service record behind it, so a resend answers with the same session and the phone links to the case.
ALTER TABLE offline_entry ADD COLUMN case_id BIGINT;
ALTER TABLE offline_entry ADD COLUMN case_session_id BIGINT;
