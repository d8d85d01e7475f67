package cn.sgz.evaluation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Reproducible stratified sampling: the same frame, seed, strata and size always give the same sample, on
 * any machine ({@link Random} is specified bit for bit). Strata are sorted by key and records by id before
 * anything random happens; the sample size is split over the strata in proportion to their size (largest
 * remainder), every stratum getting at least one record when the size allows; inside a stratum the records
 * come from a partial Fisher–Yates shuffle.
 */
final class Sampler {

    private Sampler() {}

    /** A record of the frame. */
    record Unit(long recordId, long stationId, String kind) {}

    enum Strata {
        STATION("按社工站分层"),
        STATION_KIND("按社工站和服务类型分层");

        private final String label;

        Strata(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        String key(Unit u) {
            return this == STATION
                    ? String.format("%012d", u.stationId())
                    : String.format("%012d", u.stationId()) + "/" + u.kind();
        }
    }

    /** The sample, in stratum order then drawing order. */
    static List<Unit> draw(List<Unit> frame, long seed, Strata strata, int size) {
        Map<String, List<Unit>> groups = new TreeMap<>();
        frame.stream()
                .sorted(Comparator.comparingLong(Unit::recordId))
                .forEach(u -> groups.computeIfAbsent(strata.key(u), k -> new ArrayList<>())
                        .add(u));
        Map<String, Integer> quota = allocate(groups, Math.min(size, frame.size()));
        Random random = new Random(seed);
        List<Unit> out = new ArrayList<>();
        for (Map.Entry<String, List<Unit>> g : groups.entrySet()) {
            List<Unit> pool = new ArrayList<>(g.getValue());
            int n = quota.getOrDefault(g.getKey(), 0);
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(pool.size() - i);
                Unit tmp = pool.get(i);
                pool.set(i, pool.get(j));
                pool.set(j, tmp);
                out.add(pool.get(i));
            }
        }
        return out;
    }

    /** How many records each stratum gives: proportional, largest remainder, at least one each when possible. */
    static Map<String, Integer> allocate(Map<String, List<Unit>> groups, int size) {
        Map<String, Integer> quota = new LinkedHashMap<>();
        int total = groups.values().stream().mapToInt(List::size).sum();
        if (size <= 0 || total == 0) {
            return quota;
        }
        int left = size;
        if (size >= groups.size()) {
            for (String k : groups.keySet()) {
                quota.put(k, 1);
            }
            left -= groups.size();
        } else {
            groups.keySet().forEach(k -> quota.put(k, 0));
        }
        if (left > 0) {
            Map<String, Double> exact = new LinkedHashMap<>();
            int capacity = 0;
            for (Map.Entry<String, List<Unit>> g : groups.entrySet()) {
                capacity += g.getValue().size() - quota.get(g.getKey());
            }
            int given = 0;
            for (Map.Entry<String, List<Unit>> g : groups.entrySet()) {
                int room = g.getValue().size() - quota.get(g.getKey());
                double e = capacity == 0 ? 0 : (double) left * room / capacity;
                int whole = Math.min(room, (int) Math.floor(e));
                quota.merge(g.getKey(), whole, Integer::sum);
                given += whole;
                exact.put(g.getKey(), e - whole);
            }
            List<String> byRemainder = new ArrayList<>(exact.keySet());
            byRemainder.sort(Comparator.comparing((String k) -> -exact.get(k)).thenComparing(k -> k));
            int rest = left - given;
            while (rest > 0) {
                boolean placed = false;
                for (String k : byRemainder) {
                    if (rest > 0 && quota.get(k) < groups.get(k).size()) {
                        quota.merge(k, 1, Integer::sum);
                        rest--;
                        placed = true;
                    }
                }
                if (!placed) {
                    break;
                }
            }
        }
        return quota;
    }

    /** SHA-256 of the frame's record ids in order: shows that a redraw used the same frame. */
    static String frameHash(List<Unit> frame) {
        StringBuilder s = new StringBuilder();
        frame.stream().map(Unit::recordId).sorted().forEach(id -> s.append(id).append(','));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
