-- Per-tier parameters of an indicator (DESIGN.md "Per-tier parameters, not per-tier indicators"): where a catalog
-- gives a numeric parameter or the 指标值 text per funding tier, one row per indicator and tier. A null column
-- means the indicator's single value applies.
CREATE TABLE catalog_indicator_tier (
    indicator_id          BIGINT        NOT NULL REFERENCES catalog_indicator (id),
    tier_code             VARCHAR(32)   NOT NULL,
    sessions_each         INT,
    attendees_per_session INT,
    certified_min         INT,
    events_min            INT,
    value_text            VARCHAR(4000),
    PRIMARY KEY (indicator_id, tier_code)
);
