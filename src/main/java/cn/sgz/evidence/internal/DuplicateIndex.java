package cn.sgz.evidence.internal;

import cn.sgz.evidence.internal.ImageHashes.Fingerprint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The duplicate-photo index, kept in the database so every app instance shares it. Lookup: one SQL
 * statement asks the four band indexes for the query's band values and their probes (least reliable
 * bits flipped) and returns {photo id, hash} pairs straight from the indexes; the Hamming distance
 * filters them, and the few survivors are confirmed with the second signal (aligned thumbnails)
 * before anything is called a duplicate.
 */
@Component
public class DuplicateIndex {

    private static final String[] BAND_COLUMNS = {"band0", "band1", "band2", "band3"};

    private final JdbcClient jdbc;
    private final EvidenceSettings settings;
    private final javax.sql.DataSource dataSource;
    private volatile String hammingFilter;

    public DuplicateIndex(JdbcClient jdbc, EvidenceSettings settings, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.dataSource = dataSource;
    }

    /**
     * The Hamming filter as SQL, so the database returns only the rows within the limit instead of
     * every row that shares a probed band value (thousands at millions of photos). The bit-count
     * function differs by database; elsewhere the filter stays in Java only.
     */
    private String hammingFilter() {
        String filter = hammingFilter;
        if (filter == null) {
            String product;
            try (java.sql.Connection c = dataSource.getConnection()) {
                product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            } catch (java.sql.SQLException e) {
                product = "";
            }
            if (product.contains("postgres")) {
                filter = " AND bit_count((phash # CAST(? AS BIGINT))::bit(64)) <= ?";
            } else if (product.contains("h2")) {
                filter = " AND BITCOUNT(BITXOR(phash, CAST(? AS BIGINT))) <= ?";
            } else {
                filter = "";
            }
            hammingFilter = filter;
        }
        return filter;
    }

    /** A stored photo whose hash is near the query. */
    public record Candidate(long photoId, long phash, int distance) {}

    /** A confirmed duplicate: the earlier photo and how close it is. */
    public record Match(long photoId, int distance, double alignedDifference) {}

    public void add(long photoId, long phash) {
        jdbc.sql("INSERT INTO evidence_hash (photo_id, phash, band0, band1, band2, band3) VALUES (?,?,?,?,?,?)")
                .params(
                        photoId,
                        phash,
                        Fingerprint.band(phash, 0),
                        Fingerprint.band(phash, 1),
                        Fingerprint.band(phash, 2),
                        Fingerprint.band(phash, 3))
                .update();
    }

    public void remove(long photoId) {
        jdbc.sql("DELETE FROM evidence_hash WHERE photo_id = ?").param(photoId).update();
    }

    /** Index stage only: stored photos within the Hamming limit found through the band probes. */
    public List<Candidate> candidates(Fingerprint fp) {
        Map<Integer, List<Integer>> byBand = new LinkedHashMap<>();
        for (int[] probe : fp.probes(settings.probes)) {
            byBand.computeIfAbsent(probe[0], b -> new ArrayList<>()).add(probe[1]);
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byBand.entrySet()) {
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT photo_id, phash FROM evidence_hash WHERE ")
                    .append(BAND_COLUMNS[e.getKey()])
                    .append(" IN (")
                    .append("?,".repeat(e.getValue().size() - 1))
                    .append("?)");
            params.addAll(e.getValue());
            String filter = hammingFilter();
            if (!filter.isEmpty()) {
                sql.append(filter);
                params.add(fp.phash());
                params.add(settings.maxHamming);
            }
        }
        Map<Long, Candidate> found = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            long id = rs.getLong(1);
            long hash = rs.getLong(2);
            int d = ImageHashes.distance(hash, fp.phash());
            if (d <= settings.maxHamming) {
                found.putIfAbsent(id, new Candidate(id, hash, d));
            }
        });
        List<Candidate> list = new ArrayList<>(found.values());
        list.sort(Comparator.comparingInt(Candidate::distance).thenComparingLong(Candidate::photoId));
        return list;
    }

    /**
     * The earliest confirmed match among the candidates, ignoring the given photo ids (the photo
     * itself). Candidates are confirmed with the aligned-thumbnail signal, at most 30 of them.
     */
    public Optional<Match> findMatch(Fingerprint fp, Set<Long> ignore) {
        return confirm(
                fp,
                candidates(fp).stream()
                        .filter(c -> !ignore.contains(c.photoId()))
                        .limit(30)
                        .toList());
    }

    /** The earliest of the given candidates that the second signal confirms as a copy of the query. */
    public Optional<Match> confirm(Fingerprint fp, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, byte[]> signatures = new HashMap<>();
        List<Long> ids = candidates.stream().map(Candidate::photoId).toList();
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
                    || best != null && c.photoId() > best.photoId()) {
                continue;
            }
            ImageHashes.Comparison cmp = ImageHashes.compare(fp.signature(), sig);
            if (confirms(cmp)) {
                best = new Match(c.photoId(), c.distance(), cmp.differing());
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The second signal's verdict: after the best alignment almost nothing differs in the middle of the
     * picture (a new shot of the same room differs there: people and objects moved, parallax), while
     * the top and bottom bands may differ where a watermark was stamped.
     */
    public boolean confirms(ImageHashes.Comparison cmp) {
        return cmp.interior() <= settings.maxInteriorDifference && cmp.bands() <= settings.maxBandDifference;
    }
}
