-- Issue 22 item 3: work that runs on a schedule or at start-up runs once across instances. One row per job
-- (ShedLock's JDBC provider, table and column names as it expects): the instance that holds a job sets lock_until
-- and releases it when done; an instance that dies mid-job leaves a lock that lapses at lock_until, after which
-- another instance runs the (idempotent) job again. Not edited by users, so no version column.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP NOT NULL,
    locked_at TIMESTAMP NOT NULL,
    locked_by VARCHAR(255) NOT NULL
);
