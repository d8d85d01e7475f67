package cn.sgz.bench;

import cn.sgz.evidence.internal.DuplicateIndex;
import java.sql.Connection;

/**
 * The duplicate index's posting lists (V93) rebuilt set-based from evidence_copy_hash, for the benches that load
 * placeholder photos by COPY (DuplicateLookupBench, SyntheticCity): kept apart so that page-load.sh can compile the
 * synthetic city without the duplicate bench's photo tools.
 */
final class PostingLists {

    private PostingLists() {}

    static String bandSql(boolean postgres, int band) {
        return postgres
                ? "CAST((phash >> " + (16 * band) + ") & 65535 AS INT)"
                : "CAST(BITAND(RSHIFT(phash, " + (16 * band) + "), 65535) AS INT)";
    }

    /**
     * The posting lists of the whole index, set-based (what migration V93 does): one INSERT … SELECT with
     * ARRAY_AGG per band over the rows of evidence_copy_hash, chunks of {@link DuplicateIndex#CHUNK} in photo id
     * order. Rebuilt from scratch after each bulk load (the placeholder photos bypass DuplicateIndex.add).
     */
    static void rebuild(Connection c) throws Exception {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        long t0 = System.nanoTime();
        try (var st = c.createStatement()) {
            if (postgres) {
                st.execute("SET work_mem = '512MB'");
            }
            st.execute("DELETE FROM evidence_copy_posting");
            for (int b = 0; b < 4; b++) {
                st.execute("INSERT INTO evidence_copy_posting (band, region, band_value, chunk, photo_ids, hashes) "
                        + "SELECT " + b + ", region, v, (rn - 1) / " + DuplicateIndex.CHUNK + ", "
                        + "ARRAY_AGG(photo_id ORDER BY photo_id), ARRAY_AGG(phash ORDER BY photo_id) "
                        + "FROM (SELECT photo_id, region, phash, v, "
                        + "ROW_NUMBER() OVER (PARTITION BY region, v ORDER BY photo_id) AS rn "
                        + "FROM (SELECT photo_id, region, phash, " + bandSql(postgres, b) + " AS v "
                        + "FROM evidence_copy_hash) x) t GROUP BY region, v, (rn - 1) / " + DuplicateIndex.CHUNK);
            }
            if (postgres) {
                st.execute("RESET work_mem");
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        System.out.printf("  posting lists built (4 INSERT … SELECT with ARRAY_AGG) in %.1f s; load average %s%n",
                (System.nanoTime() - t0) / 1e9, java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
    }
}
