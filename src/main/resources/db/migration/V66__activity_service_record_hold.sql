-- A reviewer's verdict that keeps a service record from counting whatever its evidence says
-- (e.g. SPOT_CHECK_FAILED after a failed 抽查). The activity module adds these as reasons whenever it
-- recomputes the record's stored qualification, so the engine still only filters on the column.
CREATE TABLE service_record_hold (
    record_id  BIGINT       NOT NULL REFERENCES service_record (id),
    code       VARCHAR(40)  NOT NULL,
    detail     VARCHAR(300),
    source_ref VARCHAR(60),
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (record_id, code)
);
