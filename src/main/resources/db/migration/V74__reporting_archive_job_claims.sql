-- 佐证资料包 jobs any instance can run, resume and serve: who holds the job and when it last showed life
-- (a job whose holder stopped beating is claimed again), how often it was started, the size estimate
-- checked before it was queued, and the file-store key of the finished ZIP (file_name).
ALTER TABLE archive_job ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE archive_job ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE archive_job ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE archive_job ADD COLUMN estimated_bytes BIGINT;
CREATE INDEX ix_archive_job_status ON archive_job (status, heartbeat_at);
-- archives finished before this version lie in one instance's data directory, not in the file store
UPDATE archive_job SET status = 'FAILED', error = '资料包存放方式已更新，请重新申请', file_name = NULL
 WHERE status = 'DONE' AND (file_name IS NULL OR file_name NOT LIKE 'archives/%');
