-- Duplicate detector version 2 (issue #19): copies that were cropped, screenshotted, turned or mirrored.
-- Each live photo has two hashes in the index: region 0 = the whole normalised picture (bars trimmed,
-- turned to landscape), region 1 = its central window (10 % off every side). The 64-bit hash is split
-- into four 16-bit bands, each indexed together with the region (lookups ask one region) and carrying
-- the full hash and photo id (index-only scans; the Hamming filter runs in the database).
-- The version-1 index (evidence_hash) is dropped: its hashes were taken over the untrimmed picture and
-- cannot be compared. Existing photos are re-fingerprinted from their stored files by the startup
-- backfill (CopyPrintBackfill), which moves fingerprint_version from 1 to 2.
ALTER TABLE evidence_photo ADD COLUMN fingerprint_version INT NOT NULL DEFAULT 1;
CREATE INDEX idx_evidence_photo_fpv ON evidence_photo (fingerprint_version);

DROP TABLE evidence_hash;

CREATE TABLE evidence_copy_hash (
    photo_id BIGINT   NOT NULL REFERENCES evidence_photo (id),
    region   SMALLINT NOT NULL,
    phash    BIGINT   NOT NULL,
    band0    INT      NOT NULL,
    band1    INT      NOT NULL,
    band2    INT      NOT NULL,
    band3    INT      NOT NULL,
    PRIMARY KEY (photo_id, region)
);
CREATE INDEX idx_evidence_copy_hash_b0 ON evidence_copy_hash (band0, region, phash, photo_id);
CREATE INDEX idx_evidence_copy_hash_b1 ON evidence_copy_hash (band1, region, phash, photo_id);
CREATE INDEX idx_evidence_copy_hash_b2 ON evidence_copy_hash (band2, region, phash, photo_id);
CREATE INDEX idx_evidence_copy_hash_b3 ON evidence_copy_hash (band3, region, phash, photo_id);
