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
 * The duplicate-photo index (detector version 3, see {@link CopyPrints}), kept in the database so every
 * app instance shares it: table {@code evidence_copy_hash}, two rows per live photo (the whole picture
 * and its core window), each 64-bit hash split into four 16-bit bands with an index per band.
 *
 * <p>Lookup: one SQL statement joins the query's band keys (of its probes: the copy's hashes, turned
 * upright, for each assumed crop — 30 to 60 of them — each band and each band with one of its two weakest
 * bits flipped: about 570 keys) with the band indexes. Each distinct key is scanned once (about 415 per
 * query) carrying the hashes of all probes that share it, and the database keeps only the rows within the
 * Hamming limit of one of them; a row is then a candidate for every such probe, exactly as if each probe had
 * looked up its own keys. At 5 M photos a key meets about 76 random rows of its region, so the scans, not
 * the number of statements, are the cost. The few candidates are then confirmed, the query turned like the
 * probe that found them: since version 4 by lining the query's 64×64 grid up on the stored one as a crop
 * ({@link CopyAlignment}, {@link #confirms(CopyAlignment.Fit)}); for a signature of version 3 (not yet
 * re-fingerprinted) with the 32×32 thumbnails as before.
 */
@Component
public class DuplicateIndex {

    private static final String[] BAND_COLUMNS = {"band0", "band1", "band2", "band3"};

    private final JdbcClient jdbc;
    private final EvidenceSettings settings;
    private final javax.sql.DataSource dataSource;
    private volatile String popcount;

    public DuplicateIndex(JdbcClient jdbc, EvidenceSettings settings, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.dataSource = dataSource;
    }

    /** The database's bit count of {@code h.phash XOR q.hash}, or null where it has none (filtered in Java). */
    private String popcount() {
        String p = popcount;
        if (p == null) {
            String product;
            try (java.sql.Connection c = dataSource.getConnection()) {
                product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            } catch (java.sql.SQLException e) {
                product = "";
            }
            if (product.contains("postgres")) {
                p = "bit_count((h.phash # q.hash)::bit(64))";
            } else if (product.contains("h2")) {
                p = "BITCOUNT(BITXOR(h.phash, q.hash))";
            } else {
                p = "";
            }
            popcount = p;
        }
        return p.isEmpty() ? null : p;
    }

    /** A stored photo whose hash (of {@code region}) is near the query's probe in orientation {@code variant}. */
    public record Candidate(long photoId, int region, int variant, int distance, int probe) {}

    /** A confirmed duplicate: the earlier photo, the Hamming distance that found it and the confirmation score. */
    public record Match(long photoId, int distance, double alignedDifference) {}

    public void add(long photoId, Stored s) {
        insert(photoId, CopyPrints.FULL, s.full());
        insert(photoId, CopyPrints.CORE, s.core());
    }

    private void insert(long photoId, int region, long hash) {
        jdbc.sql("INSERT INTO evidence_copy_hash (photo_id, region, phash, band0, band1, band2, band3) "
                        + "VALUES (?,?,?,?,?,?,?)")
                .params(
                        photoId,
                        region,
                        hash,
                        Fingerprint.band(hash, 0),
                        Fingerprint.band(hash, 1),
                        Fingerprint.band(hash, 2),
                        Fingerprint.band(hash, 3))
                .update();
    }

    public void remove(long photoId) {
        jdbc.sql("DELETE FROM evidence_copy_hash WHERE photo_id = ?")
                .param(photoId)
                .update();
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
                long k = ((long) key[0] << 40) | ((long) p.region() << 32) | key[1];
                List<Integer> list = byKey.computeIfAbsent(k, x -> new ArrayList<>());
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
     * The lookup statement for the keys: per band, the keys of that band joined with the band's index (one
     * index scan per key), keeping the rows within {@code maxHamming} of one of the key's hashes. Answers
     * (photo_id, region, phash, k), k the key's position in {@code keys}. {@code popcount} is the
     * database's bit count of {@code h.phash XOR q.hash} ({@link #popcount()}), or null (no filter in the
     * database). On PostgreSQL the keys travel as arrays (a fixed number of parameters however many keys)
     * into a materialized CTE, which also keeps the plan serial: a parallel plan of the four bands costs
     * more than it saves on a busy server (a CTE scan is parallel-restricted).
     */
    public static Statement statement(List<LookupKey> keys, String popcount, int maxHamming) {
        boolean postgres = popcount != null && popcount.startsWith("bit_count");
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        StringBuilder filter = new StringBuilder();
        if (popcount != null) {
            // a NULL hash makes its comparison NULL (strict operators skip the work), so unused columns cost little
            filter.append(" AND (");
            for (int c = 1; c <= HASHES_PER_KEY_ROW; c++) {
                filter.append(c == 1 ? "" : " OR ")
                        .append(popcount.replace("q.hash", "q.h" + c))
                        .append(" <= ")
                        .append(maxHamming);
            }
            filter.append(")");
        }
        java.util.SortedSet<Integer> bands = new java.util.TreeSet<>();
        keys.forEach(k -> bands.add(k.band()));
        if (postgres) {
            sql.append("WITH q AS MATERIALIZED (SELECT * FROM unnest(CAST(? AS SMALLINT[]), CAST(? AS INT[]), "
                    + "CAST(? AS SMALLINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), "
                    + "CAST(? AS BIGINT[]), CAST(? AS INT[])) AS t(b, v, r, h1, h2, h3, h4, k)) ");
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
            for (int band : bands) {
                sql.append(band == bands.first() ? "" : " UNION ALL ")
                        .append("SELECT h.photo_id, h.region, h.phash, q.k FROM q JOIN evidence_copy_hash h ON h.")
                        .append(BAND_COLUMNS[band])
                        .append(" = q.v AND h.region = q.r WHERE q.b = ")
                        .append(band)
                        .append(filter);
            }
            return new Statement(sql.toString(), params);
        }
        for (int band : bands) {
            sql.append(band == bands.first() ? "" : " UNION ALL ")
                    .append("SELECT h.photo_id, h.region, h.phash, q.k FROM (VALUES ");
            boolean first = true;
            for (int k = 0; k < keys.size(); k++) {
                LookupKey row = keys.get(k);
                if (row.band() != band) {
                    continue;
                }
                sql.append(first ? "" : ",").append("(CAST(? AS INT), CAST(? AS SMALLINT)");
                first = false;
                params.add(row.value());
                params.add(row.region());
                for (int c = 0; c < HASHES_PER_KEY_ROW; c++) {
                    sql.append(", CAST(? AS BIGINT)");
                    params.add(c < row.hashes().length ? row.hashes()[c] : null);
                }
                sql.append(", CAST(? AS INT))");
                params.add(k);
            }
            sql.append(") AS q(v, r, h1, h2, h3, h4, k) JOIN evidence_copy_hash h ON h.")
                    .append(BAND_COLUMNS[band])
                    .append(" = q.v AND h.region = q.r WHERE 1 = 1")
                    .append(filter);
        }
        return new Statement(sql.toString(), params);
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
        Statement st = statement(keys, popcount(), settings.maxHamming);
        Map<String, Candidate> found = new HashMap<>();
        jdbc.sql(st.sql()).params(st.params()).query(rs -> {
            long id = rs.getLong(1);
            int region = rs.getInt(2);
            long hash = rs.getLong(3);
            // every probe sharing the key that found the row, as if each had looked it up itself
            for (int i : keys.get(rs.getInt(4)).probes()) {
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
        });
        List<Candidate> list = new ArrayList<>(found.values());
        list.sort(Comparator.comparingInt(Candidate::distance).thenComparingLong(Candidate::photoId));
        return list;
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
