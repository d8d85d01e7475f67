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
 * <p>Lookup: one SQL statement joins the query's probes (the copy's hashes, turned upright, for each
 * assumed crop — 30 to 60 of them — one row per band and per weak-bit flip of that band) with the band
 * indexes, and the database keeps only the rows within the Hamming limit of the probe that found them. The few candidates are then confirmed,
 * the query turned like the probe that found them: since version 4 by lining the query's 64×64 grid up on the
 * stored one as a crop ({@link CopyAlignment}, {@link #confirms(CopyAlignment.Fit)}); for a signature of
 * version 3 (not yet re-fingerprinted) with the 32×32 thumbnails as before.
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
     * with its least reliable bit flipped.
     */
    public static List<int[]> bandKeys(Probe p, int flips) {
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
        }
        return out;
    }

    /** Index stage only: stored photos within the Hamming limit of one of the query's probes. */
    public List<Candidate> candidates(Prints query) {
        List<Probe> probes = query.probes();
        // one row per (band, value, region, probe): the database joins them with the band indexes
        Map<Integer, List<Object[]>> byBand = new LinkedHashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            int flips = p.region() == CopyPrints.FULL ? settings.fullFlips : settings.coreFlips;
            for (int[] key : bandKeys(p, flips)) {
                byBand.computeIfAbsent(key[0], b -> new ArrayList<>())
                        .add(new Object[] {key[1], p.region(), p.hash(), i});
            }
        }
        String pop = popcount();
        boolean postgres = pop != null && pop.startsWith("bit_count");
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<Integer, List<Object[]>> e : byBand.entrySet()) {
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            // the same band key with the same hash and orientation (neighbouring windows often agree) once
            Map<String, Object[]> distinct = new LinkedHashMap<>();
            for (Object[] row : e.getValue()) {
                distinct.putIfAbsent(
                        row[0] + ":" + row[1] + ":" + row[2] + ":"
                                + probes.get((Integer) row[3]).variant(),
                        row);
            }
            List<Object[]> rows = new ArrayList<>(distinct.values());
            if (postgres) {
                // four arrays instead of a VALUES list: one statement with 16 parameters, however many keys
                sql.append("SELECT h.photo_id, h.region, h.phash, q.i FROM unnest(CAST(? AS INT[]), "
                        + "CAST(? AS SMALLINT[]), CAST(? AS BIGINT[]), CAST(? AS INT[])) AS q(v, r, hash, i)");
                for (int c = 0; c < 4; c++) {
                    final int col = c;
                    params.add(
                            c == 2
                                    ? rows.stream().map(x -> (Long) x[col]).toArray(Long[]::new)
                                    : rows.stream().map(x -> (Integer) x[col]).toArray(Integer[]::new));
                }
            } else {
                sql.append("SELECT h.photo_id, h.region, h.phash, q.i FROM (VALUES ");
                boolean first = true;
                for (Object[] row : rows) {
                    sql.append(first ? "" : ",")
                            .append("(CAST(? AS INT), CAST(? AS SMALLINT), CAST(? AS BIGINT), CAST(? AS INT))");
                    first = false;
                    params.add(row[0]);
                    params.add(row[1]);
                    params.add(row[2]);
                    params.add(row[3]);
                }
                sql.append(") AS q(v, r, hash, i)");
            }
            sql.append(" JOIN evidence_copy_hash h ON h.")
                    .append(BAND_COLUMNS[e.getKey()])
                    .append(" = q.v AND h.region = q.r");
            if (pop != null) {
                sql.append(" WHERE ").append(pop).append(" <= ?");
                params.add(settings.maxHamming);
            }
        }
        Map<String, Candidate> found = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            long id = rs.getLong(1);
            int region = rs.getInt(2);
            long hash = rs.getLong(3);
            Probe p = probes.get(rs.getInt(4));
            int d = ImageHashes.distance(hash, p.hash());
            if (d <= settings.maxHamming) {
                found.merge(
                        id + ":" + p.variant(),
                        new Candidate(id, region, p.variant(), d, rs.getInt(4)),
                        (a, b) -> a.distance() <= b.distance() ? a : b);
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
