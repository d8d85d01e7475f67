-- Issue 12 item 8: a station document says the period (and service domain) it is for, so that a periodic
-- DOCUMENT indicator (季度需求报告1份/季度) is judged per sub-period: one undated report no longer satisfies every
-- quarter, future ones included. Null period: a standing document (制度上墙); for a periodic indicator it counts
-- in the sub-period it was filed in. Null domain: any domain. Several entries of one name may now exist, one
-- per period.
ALTER TABLE community_document ADD COLUMN period_from DATE;
ALTER TABLE community_document ADD COLUMN period_to DATE;
ALTER TABLE community_document ADD COLUMN domain VARCHAR(32);
