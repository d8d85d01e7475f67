-- Duplicate index as posting lists (issue #19, lookup latency). The lookup of version 4 read about 31,600
-- entries of the four band indexes of evidence_copy_hash a query at 5 M photos (about 430 band keys, ~76
-- photos each); here one row per band key holds the photo ids and full hashes of the photos that have that
-- band value, so a query reads about 430 rows by primary key instead.
-- (band, region, band_value) is split into chunks of at most DuplicateIndex.CHUNK (100) entries: a hot key
-- (a blank or uniform picture's band value, shared by many photos) is many bounded rows, not one huge row
-- rewritten on every upload. New entries are appended to the key's last chunk; a full chunk starts the next.
-- photo_ids[i] and hashes[i] belong together (parallel arrays, in the order they were added).
CREATE TABLE evidence_copy_posting (
    band       SMALLINT     NOT NULL,
    region     SMALLINT     NOT NULL,
    band_value INT          NOT NULL,
    chunk      INT          NOT NULL,
    photo_ids  BIGINT ARRAY NOT NULL,
    hashes     BIGINT ARRAY NOT NULL,
    PRIMARY KEY (band, region, band_value, chunk)
);

-- the existing index rows, one statement per band (chunk = position in photo id order / 100)
INSERT INTO evidence_copy_posting (band, region, band_value, chunk, photo_ids, hashes)
SELECT 0, region, band0, (rn - 1) / 100, ARRAY_AGG(photo_id ORDER BY photo_id), ARRAY_AGG(phash ORDER BY photo_id)
FROM (SELECT photo_id, region, phash, band0,
             ROW_NUMBER() OVER (PARTITION BY region, band0 ORDER BY photo_id) AS rn
      FROM evidence_copy_hash) t
GROUP BY region, band0, (rn - 1) / 100;
INSERT INTO evidence_copy_posting (band, region, band_value, chunk, photo_ids, hashes)
SELECT 1, region, band1, (rn - 1) / 100, ARRAY_AGG(photo_id ORDER BY photo_id), ARRAY_AGG(phash ORDER BY photo_id)
FROM (SELECT photo_id, region, phash, band1,
             ROW_NUMBER() OVER (PARTITION BY region, band1 ORDER BY photo_id) AS rn
      FROM evidence_copy_hash) t
GROUP BY region, band1, (rn - 1) / 100;
INSERT INTO evidence_copy_posting (band, region, band_value, chunk, photo_ids, hashes)
SELECT 2, region, band2, (rn - 1) / 100, ARRAY_AGG(photo_id ORDER BY photo_id), ARRAY_AGG(phash ORDER BY photo_id)
FROM (SELECT photo_id, region, phash, band2,
             ROW_NUMBER() OVER (PARTITION BY region, band2 ORDER BY photo_id) AS rn
      FROM evidence_copy_hash) t
GROUP BY region, band2, (rn - 1) / 100;
INSERT INTO evidence_copy_posting (band, region, band_value, chunk, photo_ids, hashes)
SELECT 3, region, band3, (rn - 1) / 100, ARRAY_AGG(photo_id ORDER BY photo_id), ARRAY_AGG(phash ORDER BY photo_id)
FROM (SELECT photo_id, region, phash, band3,
             ROW_NUMBER() OVER (PARTITION BY region, band3 ORDER BY photo_id) AS rn
      FROM evidence_copy_hash) t
GROUP BY region, band3, (rn - 1) / 100;

-- evidence_copy_hash stays as the list of a photo's two hashes (what removal looks up to find the photo's
-- chunks; its foreign key keeps photos that are indexed from being deleted), without the band columns and
-- their four indexes, which the lookup no longer reads.
DROP INDEX idx_evidence_copy_hash_b0;
DROP INDEX idx_evidence_copy_hash_b1;
DROP INDEX idx_evidence_copy_hash_b2;
DROP INDEX idx_evidence_copy_hash_b3;
ALTER TABLE evidence_copy_hash DROP COLUMN band0;
ALTER TABLE evidence_copy_hash DROP COLUMN band1;
ALTER TABLE evidence_copy_hash DROP COLUMN band2;
ALTER TABLE evidence_copy_hash DROP COLUMN band3;
