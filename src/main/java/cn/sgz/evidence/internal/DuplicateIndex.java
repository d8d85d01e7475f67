package cn.sgz.evidence.internal;

import cn.sgz.evidence.internal.CopyPrints.Prints;
import cn.sgz.evidence.internal.CopyPrints.Probe;
import cn.sgz.evidence.internal.CopyPrints.Stored;
import cn.sgz.evidence.internal.ImageHashes.Fingerprint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The duplicate-photo index (the detector: {@link CopyPrints}), kept in the database so every
 * app instance shares it. Each live photo has two 64-bit hashes (the whole picture and its core window,
 * table {@code evidence_copy_hash}); each hash is split into four 16-bit bands, and each (band, region,
 * band value) key has a posting list in {@code evidence_copy_posting}: the ids and full hashes of the photos
 * with that band value, in rows of at most {@link #CHUNK} entries (migration V93).
 *
 * <p>Lookup: one SQL statement fetches the posting rows of the query's band keys (of its probes: the copy's
 * hashes, turned upright, for each assumed crop — 30 to 60 of them — each band, each band with one of its
 * weakest bits flipped and, since version 5, with pairs of its uncertain bits flipped: about 950 band keys and 730
 * posting rows a query at 5 M photos, 600 and 460 without the pairs) by primary key; Java keeps the
 * entries within the Hamming limit of one of the probes sharing the key that found them (measured faster
 * than the same filter in the database), and an entry is a candidate for every such probe, exactly as if
 * each probe had looked up its own keys. At 5 M photos a key holds about 76 photos: a query reads one
 * row per distinct key, where the band indexes of version 4 read about 76 index entries per key. The few candidates are
 * then confirmed, the query turned like the probe that found them: since version 4 by lining the query's
 * 64×64 grid up on the stored one as a crop ({@link CopyAlignment}, {@link #confirms(CopyAlignment.Fit)});
 * for a signature of version 3 (not yet re-fingerprinted) with the 32×32 thumbnails as before.
 */
@Component
public class DuplicateIndex {

    private final JdbcClient jdbc;
    private final EvidenceSettings settings;
    private final javax.sql.DataSource dataSource;
    private volatile String dialect;

    public DuplicateIndex(JdbcClient jdbc, EvidenceSettings settings, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.dataSource = dataSource;
    }

    /** "postgres", "h2" or "" (another database: the generic statements, Hamming filter in Java). */
    private String dialect() {
        String d = dialect;
        if (d == null) {
            String product;
            try (java.sql.Connection c = dataSource.getConnection()) {
                product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            } catch (java.sql.SQLException e) {
                product = "";
            }
            d = product.contains("postgres") ? "postgres" : product.contains("h2") ? "h2" : "";
            dialect = d;
        }
        return d;
    }

    /** A stored photo whose hash (of {@code region}) is near the query's probe in orientation {@code variant}. */
    public record Candidate(long photoId, int region, int variant, int distance, int probe) {}

    /** A confirmed duplicate: the earlier photo, the Hamming distance that found it and the confirmation score. */
    public record Match(long photoId, int distance, double alignedDifference) {}

    /**
     * The most entries one posting row holds. Two arrays of 100 × 8 bytes keep a row under PostgreSQL's
     * 2 kB TOAST threshold (read in one heap fetch, never compressed or moved out of line), and an append
     * rewrites at most that much. At 5 M photos a key holds about 76 photos (10 M: about 150, two rows); a hot
     * key shared by 100,000 photos is 1,000 rows of 1.6 kB, each rewritten only while it is the last one.
     */
    public static final int CHUNK = 100;

    /**
     * Indexes a photo: its two hashes in {@code evidence_copy_hash} (what {@link #remove} looks up) and each
     * of their four band keys' posting lists, in the caller's transaction. The keys are appended to in one
     * order (band, region, value), so two uploads sharing keys wait for each other instead of deadlocking.
     */
    public void add(long photoId, Stored s) {
        long[] hashes = {s.full(), s.core()};
        for (int region = 0; region < 2; region++) {
            jdbc.sql("INSERT INTO evidence_copy_hash (photo_id, region, phash) VALUES (?,?,?)")
                    .params(photoId, region, hashes[region])
                    .update();
        }
        for (int[] key : keysOf(hashes)) {
            append(key[0], key[1], key[2], photoId, hashes[key[1]]);
        }
    }

    /** The eight (band, region, value) keys of a photo's two hashes, sorted. */
    private static List<int[]> keysOf(long[] hashesByRegion) {
        List<int[]> keys = new ArrayList<>();
        for (int b = 0; b < ImageHashes.BANDS; b++) {
            for (int region = 0; region < hashesByRegion.length; region++) {
                keys.add(new int[] {b, region, Fingerprint.band(hashesByRegion[region], b)});
            }
        }
        return keys;
    }

    /**
     * Appends a photo to a key's last chunk, or to the next one when that is full. PostgreSQL: an upsert
     * whose update applies only below {@link #CHUNK} entries; it locks the row and re-reads its latest
     * version, so two uploads appending at once both land (one waits for the other) and a chunk never
     * overflows; when it touched no row the chunk was full and the next is tried. H2: the same as a MERGE.
     */
    private void append(int band, int region, int value, long photoId, long hash) {
        int chunk = jdbc.sql("SELECT COALESCE(MAX(chunk), 0) FROM evidence_copy_posting "
                        + "WHERE band = ? AND region = ? AND band_value = ?")
                .params(band, region, value)
                .query(Integer.class)
                .single();
        String sql = "postgres".equals(dialect())
                ? "INSERT INTO evidence_copy_posting AS p (band, region, band_value, chunk, photo_ids, hashes) "
                        + "VALUES (?, ?, ?, ?, ARRAY[CAST(? AS BIGINT)], ARRAY[CAST(? AS BIGINT)]) "
                        + "ON CONFLICT (band, region, band_value, chunk) DO UPDATE SET "
                        + "photo_ids = p.photo_ids || EXCLUDED.photo_ids, hashes = p.hashes || EXCLUDED.hashes "
                        + "WHERE cardinality(p.photo_ids) < " + CHUNK
                : "MERGE INTO evidence_copy_posting p USING (VALUES (CAST(? AS SMALLINT), CAST(? AS SMALLINT), "
                        + "CAST(? AS INT), CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS BIGINT))) "
                        + "AS s(b, r, v, c, id, h) "
                        + "ON p.band = s.b AND p.region = s.r AND p.band_value = s.v AND p.chunk = s.c "
                        + "WHEN MATCHED AND CARDINALITY(p.photo_ids) < " + CHUNK + " THEN UPDATE SET "
                        + "photo_ids = p.photo_ids || ARRAY[s.id], hashes = p.hashes || ARRAY[s.h] "
                        + "WHEN NOT MATCHED THEN INSERT (band, region, band_value, chunk, photo_ids, hashes) "
                        + "VALUES (s.b, s.r, s.v, s.c, ARRAY[s.id], ARRAY[s.h])";
        for (int waits = 0; ; ) {
            int n;
            try {
                n = jdbc.sql(sql)
                        .params(band, region, value, chunk, photoId, hash)
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // H2 only: another open transaction inserted this chunk's row (H2's MERGE does not wait for
                // it as PostgreSQL's upsert does); try again once it has committed (only this statement failed)
                if (++waits > 500) {
                    throw e;
                }
                sleep(20);
                continue;
            }
            if (n > 0) {
                return;
            }
            chunk++;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes a photo out of the index: out of each chunk of its eight keys that holds it (locked, rewritten
     * without it, deleted when it was the last entry), and its rows of {@code evidence_copy_hash}.
     */
    public void remove(long photoId) {
        long[] hashes = new long[2];
        boolean[] present = new boolean[2];
        jdbc.sql("SELECT region, phash FROM evidence_copy_hash WHERE photo_id = ?")
                .param(photoId)
                .query(rs -> {
                    int region = rs.getInt(1);
                    if (region >= 0 && region < 2) {
                        hashes[region] = rs.getLong(2);
                        present[region] = true;
                    }
                });
        for (int[] key : keysOf(hashes)) {
            if (!present[key[1]]) {
                continue;
            }
            List<Object[]> chunks = new ArrayList<>();
            jdbc.sql("SELECT chunk, photo_ids, hashes FROM evidence_copy_posting "
                            + "WHERE band = ? AND region = ? AND band_value = ? AND ? = ANY(photo_ids) FOR UPDATE")
                    .params(key[0], key[1], key[2], photoId)
                    .query(rs -> {
                        chunks.add(new Object[] {rs.getInt(1), longs(rs.getArray(2)), longs(rs.getArray(3))});
                    });
            for (Object[] c : chunks) {
                long[] ids = (long[]) c[1];
                long[] hs = (long[]) c[2];
                List<Long> keepIds = new ArrayList<>();
                List<Long> keepHashes = new ArrayList<>();
                for (int i = 0; i < ids.length; i++) {
                    if (ids[i] != photoId) {
                        keepIds.add(ids[i]);
                        keepHashes.add(hs[i]);
                    }
                }
                if (keepIds.isEmpty()) {
                    jdbc.sql("DELETE FROM evidence_copy_posting WHERE band = ? AND region = ? AND band_value = ? "
                                    + "AND chunk = ?")
                            .params(key[0], key[1], key[2], c[0])
                            .update();
                } else {
                    jdbc.sql("UPDATE evidence_copy_posting SET photo_ids = ?, hashes = ? "
                                    + "WHERE band = ? AND region = ? AND band_value = ? AND chunk = ?")
                            .params(
                                    keepIds.toArray(Long[]::new),
                                    keepHashes.toArray(Long[]::new),
                                    key[0],
                                    key[1],
                                    key[2],
                                    c[0])
                            .update();
                }
            }
        }
        jdbc.sql("DELETE FROM evidence_copy_hash WHERE photo_id = ?")
                .param(photoId)
                .update();
    }

    /** A BIGINT array column as longs. */
    static long[] longs(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return new long[0];
        }
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }

    /**
     * The band values one probe looks up: each band's own value, plus (when {@code flips} &gt; 0) that band
     * with each of its {@code flips} least reliable bits flipped, and (version 5) with each pair of its
     * uncertain bits flipped: among its {@link #PAIR_BITS} least reliable bits those whose reliability is
     * under {@link #PAIR_BELOW}. A copy cropped off the assumed windows, or a texture, often has two wrong
     * bits in every band, but they are among the uncertain ones; a clear band adds no pair keys.
     */
    public static List<int[]> bandKeys(Probe p, int flips) {
        return bandKeys(p, flips, flips > 0 ? PAIR_BITS : 0, PAIR_BELOW);
    }

    /** At most this many of a band's least reliable bits are flipped in pairs. */
    public static final int PAIR_BITS = 4;

    /** Only bits whose reliability (distance from the median over the interquartile spread) is under this. */
    public static final double PAIR_BELOW = 0.10;

    /** As {@link #bandKeys(Probe, int)} with other pair limits (the bench studies). */
    public static List<int[]> bandKeys(Probe p, int flips, int pairBits, double pairBelow) {
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < ImageHashes.BANDS; b++) {
            int value = Fingerprint.band(p.hash(), b);
            out.add(new int[] {b, value});
            Integer[] bits = new Integer[16];
            for (int i = 0; i < 16; i++) {
                bits[i] = i;
            }
            final int band = b;
            java.util.Arrays.sort(
                    bits, (x, y) -> Double.compare(p.reliability()[band * 16 + x], p.reliability()[band * 16 + y]));
            for (int f = 0; f < flips; f++) {
                out.add(new int[] {b, value ^ (1 << bits[f])});
            }
            int uncertain = 0;
            while (uncertain < pairBits && p.reliability()[band * 16 + bits[uncertain]] < pairBelow) {
                uncertain++;
            }
            for (int x = 0; x < uncertain; x++) {
                for (int y = x + 1; y < uncertain; y++) {
                    out.add(new int[] {b, value ^ (1 << bits[x]) ^ (1 << bits[y])});
                }
            }
        }
        return out;
    }

    /** How many probe hashes one row of the lookup carries (more hashes under one key take more rows). */
    static final int HASHES_PER_KEY_ROW = 4;

    /**
     * One index scan of the lookup: band {@code band} of region {@code region} equal to {@code value}, and
     * the distinct probe hashes (at most {@link #HASHES_PER_KEY_ROW}) a stored row found there is compared
     * with; {@code probes} are the indexes of all probes whose band keys include this one.
     */
    public record LookupKey(int band, int region, int value, long[] hashes, int[] probes) {}

    /**
     * The query's band keys, each (band, region, value) once: the probes of neighbouring windows and their
     * weak-bit flips often share band values (about 570 keys of a query are about 415 distinct ones), and
     * each distinct key is one index scan however many probes share it. A key shared by more than
     * {@link #HASHES_PER_KEY_ROW} distinct probe hashes takes several rows (rare).
     */
    public static List<LookupKey> lookupKeys(List<Probe> probes, int fullFlips, int coreFlips) {
        // (band, region, value) -> probe indexes, in order of first use
        Map<Long, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            for (int[] key : bandKeys(p, p.region() == CopyPrints.FULL ? fullFlips : coreFlips)) {
                List<Integer> list = byKey.computeIfAbsent(keyOf(key[0], p.region(), key[1]), x -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != i) {
                    list.add(i);
                }
            }
        }
        List<LookupKey> out = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> e : byKey.entrySet()) {
            int band = (int) (e.getKey() >>> 40);
            int region = (int) (e.getKey() >>> 32 & 0xFF);
            int value = (int) (e.getKey() & 0xFFFFFFFFL);
            int[] ids = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            long[] hashes = e.getValue().stream()
                    .mapToLong(i -> probes.get(i).hash())
                    .distinct()
                    .toArray();
            for (int from = 0; from < hashes.length; from += HASHES_PER_KEY_ROW) {
                long[] part =
                        java.util.Arrays.copyOfRange(hashes, from, Math.min(hashes.length, from + HASHES_PER_KEY_ROW));
                int[] partProbes = java.util.Arrays.stream(ids)
                        .filter(i -> contains(part, probes.get(i).hash()))
                        .toArray();
                out.add(new LookupKey(band, region, value, part, partProbes));
            }
        }
        return out;
    }

    private static boolean contains(long[] values, long v) {
        for (long x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** A lookup statement and its parameters. */
    public record Statement(String sql, List<Object> params) {}

    /**
     * The lookup with the Hamming filter in the database (measured, not used: slower than the filter in
     * Java, see candidates): the keys travel as arrays (a fixed number of parameters
     * however many keys) into a materialized CTE (which also keeps the plan serial: a parallel plan costs
     * more than it saves on a busy server), each key fetches its posting rows by primary key, their entries
     * are unnested (two arrays of the same length unnest in step) and only those within {@code maxHamming} of one of the key's hashes are kept. Answers
     * (photo_id, region, hash, k), k the key's position in {@code keys}.
     */
    public static Statement statement(List<LookupKey> keys, int maxHamming) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        sql.append("WITH q AS MATERIALIZED (SELECT * FROM unnest(CAST(? AS SMALLINT[]), CAST(? AS INT[]), "
                + "CAST(? AS SMALLINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), "
                + "CAST(? AS BIGINT[]), CAST(? AS INT[])) AS t(b, v, r, h1, h2, h3, h4, k)) "
                // the arrays unnested in the select list (a ProjectSet node streams them; a lateral
                // unnest(a, b) in FROM fills a tuplestore per row): server time p50 20 vs 32 ms at 5 M
                + "SELECT e.id, e.r, e.h, e.k FROM (SELECT unnest(p.photo_ids) AS id, unnest(p.hashes) AS h, "
                + "q.r, q.k, q.h1, q.h2, q.h3, q.h4 FROM q JOIN evidence_copy_posting p "
                + "ON p.band = q.b AND p.region = q.r AND p.band_value = q.v) e WHERE ");
        params.add(keys.stream().map(LookupKey::band).toArray(Integer[]::new));
        params.add(keys.stream().map(LookupKey::value).toArray(Integer[]::new));
        params.add(keys.stream().map(LookupKey::region).toArray(Integer[]::new));
        for (int c = 0; c < HASHES_PER_KEY_ROW; c++) {
            final int col = c;
            params.add(keys.stream()
                    .map(x -> col < x.hashes().length ? x.hashes()[col] : null)
                    .toArray(Long[]::new));
        }
        params.add(java.util.stream.IntStream.range(0, keys.size()).boxed().toArray(Integer[]::new));
        // a NULL hash makes its comparison NULL (strict operators skip the work), so unused columns cost little
        sql.append("(");
        for (int c = 1; c <= HASHES_PER_KEY_ROW; c++) {
            sql.append(c == 1 ? "" : " OR ")
                    .append("bit_count((e.h # e.h")
                    .append(c)
                    .append(")::bit(64)) <= ")
                    .append(maxHamming);
        }
        sql.append(")");
        return new Statement(sql.toString(), params);
    }

    /**
     * The lookup on other databases (H2): the posting rows of the distinct keys (band, region, band_value,
     * photo_ids, hashes), by primary key, the keys as a VALUES list; their entries are compared in Java.
     */
    public static Statement postingStatement(List<LookupKey> keys) {
        StringBuilder sql =
                new StringBuilder("SELECT p.band, p.region, p.band_value, p.photo_ids, p.hashes FROM (VALUES ");
        List<Object> params = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (LookupKey k : keys) {
            if (seen.add(keyOf(k.band(), k.region(), k.value()))) {
                sql.append(params.isEmpty() ? "" : ",")
                        .append("(CAST(? AS SMALLINT), CAST(? AS SMALLINT), CAST(? AS INT))");
                params.add(k.band());
                params.add(k.region());
                params.add(k.value());
            }
        }
        sql.append(") AS q(b, r, v) JOIN evidence_copy_posting p "
                + "ON p.band = q.b AND p.region = q.r AND p.band_value = q.v");
        return new Statement(sql.toString(), params);
    }

    /**
     * The posting rows of the distinct keys on PostgreSQL, the keys as three arrays: one SQL text whatever
     * the keys, so the driver prepares it on the server after a few uses and receives the arrays in binary
     * (a VALUES list changes the text with the number of keys: planned every time, arrays sent as text).
     */
    public static Statement postgresPostingStatement(List<LookupKey> keys) {
        java.util.LinkedHashSet<Long> distinct = new java.util.LinkedHashSet<>();
        for (LookupKey k : keys) {
            distinct.add(keyOf(k.band(), k.region(), k.value()));
        }
        List<Object> params = List.of(
                distinct.stream().map(x -> (int) (x >>> 40)).toArray(Integer[]::new),
                distinct.stream().map(x -> (int) (x >>> 32 & 0xFF)).toArray(Integer[]::new),
                distinct.stream().map(x -> (int) (x & 0xFFFFFFFFL)).toArray(Integer[]::new));
        return new Statement(
                "SELECT p.band, p.region, p.band_value, p.photo_ids, p.hashes FROM unnest(CAST(? AS SMALLINT[]), "
                        + "CAST(? AS SMALLINT[]), CAST(? AS INT[])) AS q(b, r, v) JOIN evidence_copy_posting p "
                        + "ON p.band = q.b AND p.region = q.r AND p.band_value = q.v",
                params);
    }

    private static long keyOf(int band, int region, int value) {
        return ((long) band << 40) | ((long) region << 32) | (value & 0xFFFFFFFFL);
    }

    /**
     * Index stage only: stored photos within the Hamming limit of one of the query's probes whose band keys
     * found them; per (photo, orientation) the nearest such probe (the first of equally near ones).
     */
    public List<Candidate> candidates(Prints query) {
        List<Probe> probes = query.probes();
        List<LookupKey> keys = lookupKeys(probes, settings.fullFlips, settings.coreFlips);
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, Candidate> found = new HashMap<>();
        // every probe sharing the key that found the row, as if each had looked it up itself
        Hit hit = (id, region, hash, k) -> {
            for (int i : keys.get(k).probes()) {
                Probe p = probes.get(i);
                int d = ImageHashes.distance(hash, p.hash());
                if (d <= settings.maxHamming) {
                    found.merge(
                            id + ":" + p.variant(),
                            new Candidate(id, region, p.variant(), d, i),
                            (a, b) -> a.distance() < b.distance()
                                            || a.distance() == b.distance() && a.probe() <= b.probe()
                                    ? a
                                    : b);
                }
            }
        };
        Map<Long, List<Integer>> byKey = new HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            LookupKey key = keys.get(k);
            byKey.computeIfAbsent(keyOf(key.band(), key.region(), key.value()), x -> new ArrayList<>())
                    .add(k);
        }
        // the Hamming filter in Java: at 5 M photos on PostgreSQL p50 19.0 ms against 27.2 ms with the filter
        // in the database (statement(...)) and 34.6 ms for version 4, interleaved at load average 23-27
        Statement st = "postgres".equals(dialect()) ? postgresPostingStatement(keys) : postingStatement(keys);
        jdbc.sql(st.sql()).params(st.params()).query(rs -> {
            int region = rs.getInt(2);
            List<Integer> ks = byKey.get(keyOf(rs.getInt(1), region, rs.getInt(3)));
            long[] ids = longs(rs.getArray(4));
            long[] hashes = longs(rs.getArray(5));
            for (int i = 0; i < ids.length; i++) {
                for (int k : ks) {
                    hit.accept(ids[i], region, hashes[i], k);
                }
            }
        });
        List<Candidate> list = new ArrayList<>(found.values());
        list.sort(Comparator.comparingInt(Candidate::distance).thenComparingLong(Candidate::photoId));
        return list;
    }

    /** A stored entry met by the lookup key at position {@code k}. */
    private interface Hit {
        void accept(long photoId, int region, long hash, int k);
    }

    /**
     * The earliest confirmed match among the candidates, ignoring the given photo ids (the photo
     * itself). At most {@code max-candidates} (photo, orientation) pairs are confirmed, nearest first.
     */
    public Optional<Match> findMatch(Prints query, Set<Long> ignore) {
        return confirm(
                query,
                candidates(query).stream()
                        .filter(c -> !ignore.contains(c.photoId()))
                        .limit(settings.maxCandidates)
                        .toList());
    }

    /** The earliest of the given candidates that the aligned thumbnails confirm as a copy of the query. */
    public Optional<Match> confirm(Prints query, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, byte[]> signatures = new HashMap<>();
        List<Long> ids = candidates.stream().map(Candidate::photoId).distinct().toList();
        jdbc.sql("SELECT id, signature FROM evidence_photo WHERE id IN (" + "?,".repeat(ids.size() - 1) + "?)")
                .params(new ArrayList<Object>(ids))
                .query(rs -> {
                    signatures.put(rs.getLong(1), rs.getBytes(2));
                });
        Match best = null;
        for (Candidate c : candidates) {
            byte[] sig = signatures.get(c.photoId());
            if (sig == null
                    || sig.length < ImageHashes.SIGNATURE_LENGTH
                    || best != null && c.photoId() >= best.photoId()) {
                continue;
            }
            OptionalDouble score = score(query, c, sig);
            if (score.isPresent()) {
                best = new Match(c.photoId(), c.distance(), score.getAsDouble());
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The verdict on a candidate with its score (the share of the aligned picture that differs), or empty
     * when it is not confirmed: version 4's alignment for a stored signature that has the 64×64 grid, or else
     * version 3's 32×32 comparison (either confirms).
     */
    public OptionalDouble score(Prints query, Candidate c, byte[] storedSignature) {
        CopyAlignment.Fit fit = fit(query, c.variant(), storedSignature);
        if (fit != null && confirms(fit)) {
            return OptionalDouble.of(fit.all());
        }
        return confirms(query, c, storedSignature)
                ? OptionalDouble.of(compare(query, c, storedSignature).differing())
                : OptionalDouble.empty();
    }

    /** The query's thumbnail turned like {@code variant}, aligned on the stored one (crops down to 80 %). */
    public static ImageHashes.Comparison compare(Prints query, int variant, byte[] storedSignature) {
        return ImageHashes.compare(query.thumbnail(variant), storedSignature, 10);
    }

    /**
     * The better of two comparisons for a candidate: the whole thumbnails (as above) and, when the
     * candidate was found through its core window, the probe's window thumbnail against the stored core
     * thumbnail (crops down to 92 %: the window is only an estimate of where the core lies).
     */
    public static ImageHashes.Comparison compare(Prints query, Candidate c, byte[] storedSignature) {
        ImageHashes.Comparison whole = compare(query, c.variant(), storedSignature);
        byte[] core = Stored.coreThumbnail(storedSignature);
        Probe p = c.probe() >= 0 && c.probe() < query.probes().size()
                ? query.probes().get(c.probe())
                : null;
        if (c.region() != CopyPrints.CORE || core == null || p == null || p.thumbnail() == null) {
            return whole;
        }
        ImageHashes.Comparison inCore = ImageHashes.compare(p.thumbnail(), core, 4);
        return inCore.interior() * 4 + inCore.bands() < whole.interior() * 4 + whole.bands() ? inCore : whole;
    }

    /**
     * The verdict on a candidate. Found through the whole picture: the whole thumbnails pass
     * {@link #confirms(ImageHashes.Comparison, int)}. Found through the core: the probe's window thumbnail
     * differs from the stored core thumbnail in at most {@code max-core-difference} of its pixels, and
     * either the whole thumbnails differ in at most {@code max-core-whole-difference} or the window
     * matches with 2 % alignment slack within {@code max-core-tight-difference}. A camera moved by about
     * 10 % shows the same core and would otherwise be taken for a crop.
     */
    public boolean confirms(Prints query, Candidate c, byte[] storedSignature) {
        CopyAlignment.Fit fit = fit(query, c.variant(), storedSignature);
        if (fit != null && confirms(fit)) {
            return true;
        }
        // not (yet) lined up as a crop: version 3's comparison may still confirm it (a photo stamped by the
        // server and stamped again differs in more than the top or bottom band the alignment leaves out)
        ImageHashes.Comparison whole = compare(query, c.variant(), storedSignature);
        if (c.region() != CopyPrints.CORE) {
            return confirms(whole, c.distance());
        }
        // found through the core: a new shot with the camera moved ~10 % shows the same core and looks
        // like a crop, so both the window (at full resolution) and the whole pictures must agree closely
        byte[] core = Stored.coreThumbnail(storedSignature);
        Probe p = c.probe() >= 0 && c.probe() < query.probes().size()
                ? query.probes().get(c.probe())
                : null;
        if (core == null || p == null || p.thumbnail() == null) {
            return false;
        }
        ImageHashes.Comparison inCore = ImageHashes.compare(p.thumbnail(), core, 4);
        if (inCore.interior() > settings.maxCoreDifference || inCore.bands() > settings.maxBandDifference) {
            return false;
        }
        if (whole.interior() <= settings.maxCoreWholeDifference && whole.bands() <= settings.maxBandDifference) {
            return true;
        }
        // or the window lies where the assumed crop puts the core (2 % slack, not 8 %): a moved camera
        // shifts the core by a share that none of the assumed crops matches exactly
        ImageHashes.Comparison tight = ImageHashes.compare(p.thumbnail(), core, 1);
        return tight.interior() <= settings.maxCoreTightDifference && tight.bands() <= settings.maxBandDifference;
    }

    /**
     * Version 4: the query turned like {@code variant} aligned on the stored 64×64 grid as a window of it (or
     * it as a window of the query), see {@link CopyAlignment}; null for a stored signature of version 3 or older.
     */
    public static CopyAlignment.Fit fit(Prints query, int variant, byte[] storedSignature) {
        byte[] fine = Stored.fine(storedSignature);
        double aspect = Stored.aspect(storedSignature);
        if (fine == null || aspect <= 0) {
            return null;
        }
        return CopyAlignment.compare(
                query.fine(variant),
                query.aspect(variant),
                fine,
                aspect,
                query.stored().trimmed() || Stored.trimmed(storedSignature),
                query.sideways(variant));
    }

    /**
     * Version 4's verdict: once one picture is lined up as a window of the other, at most
     * {@code max-residual} of the cells outside the worse of the top and bottom bands (as uploaded) differ (a new shot differs inside the
     * picture: people moved, parallax, new content at a side), and at most {@code max-edge-difference} of
     * that band (a stamped watermark covers only part of it).
     */
    public boolean confirms(CopyAlignment.Fit fit) {
        return fit.residual() <= settings.maxResidual && fit.edge() <= settings.maxEdgeDifference;
    }

    /**
     * The confirmation's verdict: after the best alignment almost nothing differs in the middle of the
     * picture (a new shot of the same scene differs there: people and objects moved, parallax, new
     * content at one side), while the top and bottom bands may differ where a watermark was stamped.
     * A copy cropped by up to 10 % is compared at a coarser effective resolution (its thumbnail covers
     * less of the original), so a somewhat larger interior difference is accepted when a hash found it
     * very near ({@code near-hamming}); other shots of the same scene are not that near.
     */
    public boolean confirms(ImageHashes.Comparison cmp, int hamming) {
        if (cmp.bands() > settings.maxBandDifference) {
            return false;
        }
        return cmp.interior() <= settings.maxInteriorDifference
                || cmp.interior() <= settings.maxInteriorDifferenceNear && hamming <= settings.nearHamming;
    }
}
