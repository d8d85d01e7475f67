-- #23: counting records (ACTIVE and COUNTS) per station, project, kind, field and month, kept by the activity
-- module's RecordStore in the same transaction as every write that makes a record start or stop counting or
-- moves it between groups (qualification, void, edit of date/kind/field/station/project, project tie, platform
-- mark). The indicator engine reads whole months here instead of grouping service_record at each computation
-- (a city's 374,000 counting records into 83,000 groups took about 3.5 times one plain scan of the table).
-- project_id 0: the record counts for no project. n_entered: those of n marked 已录入全国平台. Rows are
-- changed only by adding to n (UPDATE ... SET n = n + ?), so concurrent writers never lose each other's counts;
-- a row that falls to 0 stays (readers skip n = 0).
CREATE TABLE service_record_month_count (
    station_id  BIGINT      NOT NULL,
    project_id  BIGINT      NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    domain      VARCHAR(32) NOT NULL,
    month_start DATE        NOT NULL,
    n           BIGINT      NOT NULL DEFAULT 0,
    n_entered   BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (station_id, kind, month_start, domain, project_id)
);

INSERT INTO service_record_month_count (station_id, project_id, kind, domain, month_start, n, n_entered)
SELECT station_id, COALESCE(project_id, 0), kind, domain,
       CAST(DATE_TRUNC('MONTH', service_date) AS DATE), COUNT(*),
       SUM(CASE WHEN platform_entered_on IS NULL THEN 0 ELSE 1 END)
FROM service_record
WHERE status = 'ACTIVE' AND qualification = 'COUNTS'
GROUP BY station_id, COALESCE(project_id, 0), kind, domain, CAST(DATE_TRUNC('MONTH', service_date) AS DATE);
