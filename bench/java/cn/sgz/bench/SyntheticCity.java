package cn.sgz.bench;

import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.evidence.internal.ImageHashes;
import cn.sgz.evidence.internal.ImageHashes.Fingerprint;
import cn.sgz.progress.LedgerFactSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The synthetic city of the compliance benchmark: up to 10 counties (区县民政局 → 社会工作服务总站 → 15
 * 社工站) under the demo city bureau, one project per county on the demo project's catalog, tier and
 * optional items, running over the last full year; 3,000 service records per station and year with
 * participants from each station's synthetic ledger, 85 % qualifying, some excluded (with a reason row)
 * and some voided; photos (5.56 per record in the first county, 250,000 in all; fewer in the others).
 * Everything is generated from fixed seeds, so a run is repeatable and a rerun on a kept database
 * finds what it needs by name.
 */
final class SyntheticCity {

    static final int COUNTIES = 10;
    static final int STATIONS = 15;
    static final int RECIPIENTS_PER_STATION = 600;
    static final String COUNTY_PREFIX = "基准测试县";

    private static final int RECORDS_PER_STATION = Integer.getInteger("records.per.station", 3000);
    private static final long FIRST_COUNTY_PHOTOS = Long.getLong("county.photos", 250_000);
    private static final int CITY_PHOTOS_PER_RECORD = Integer.getInteger("city.photos.per.record", 1);

    /** Kinds with realistic weights (per mille) and whether they are gatherings of several people. */
    private record Kind(String name, String domain, int weight, boolean gathering, String title) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("FOLLOW_UP_PHONE", null, 150, false, "电话回访"),
            new Kind("FOLLOW_UP_VISIT", null, 120, false, "上门回访"),
            new Kind("HOME_ASSESSMENT", null, 120, false, "入户需求评估"),
            new Kind("CARE_SERVICE", null, 100, false, "关爱帮扶"),
            new Kind("RESOURCE_LINK", null, 80, false, "资源链接"),
            new Kind("PSYCHOSOCIAL", null, 60, false, "心理疏导"),
            new Kind("MATERIAL_AID", null, 50, false, "物资帮扶"),
            new Kind("NEEDS_SURVEY", null, 50, false, "困难群众需求调查"),
            new Kind("POLICY_SERVICE", "SOCIAL_ASSISTANCE", 60, true, "社会救助政策宣传"),
            new Kind("COMMUNITY_SERVICE", "COMMUNITY_GOVERNANCE", 50, true, "社区活动"),
            new Kind("VOLUNTEER_ACTIVITY", "VOLUNTEER", 40, true, "志愿服务活动"),
            new Kind("CHARITY_PROMOTION", "CHARITY", 30, true, "慈善项目推介"),
            new Kind("CHARITY_RELIEF", "CHARITY", 30, false, "慈善救助"),
            new Kind("ORG_GUIDANCE", "COMMUNITY_GOVERNANCE", 20, false, "社区社会组织培育指导"),
            new Kind("ORG_ACTIVITY", "COMMUNITY_GOVERNANCE", 20, true, "社区社会组织活动"),
            new Kind("TRAINING", "COMMUNITY_GOVERNANCE", 10, true, "社工业务培训"),
            new Kind("SUPERVISION", "OTHER", 10, true, "专业督导"),
            new Kind("CONSULTATION_MEETING", "COMMUNITY_GOVERNANCE", 10, true, "居民议事协商会"),
            new Kind("OTHER", "OTHER", 10, false, "其他服务"));

    /** A recipient's ledger domain: service_record domain name and the catalog's name for it. */
    private static final String[] RECORD_DOMAINS = {"SOCIAL_ASSISTANCE", "ELDERLY", "CHILDREN", "DISABILITY", "OTHER"};
    private static final LedgerDomain[] LEDGER_DOMAINS = {LedgerDomain.SOCIAL_ASSISTANCE, LedgerDomain.ELDERLY,
            LedgerDomain.CHILD, LedgerDomain.DISABLED, LedgerDomain.OTHER};
    private static final int[] DOMAIN_WEIGHTS = {40, 25, 15, 10, 10};
    private static final String[] REASONS = {"NO_PHOTO", "PHOTO_NO_TIME", "PHOTO_DATE_MISMATCH", "PHOTO_TOO_FAR",
            "NO_SIGN_IN", "DUPLICATE_PHOTO"};
    private static final String FILLER = "社工按照服务计划开展服务，详细了解服务对象的家庭情况、身体状况、经济来源和主要需求，"
            + "讲解相关救助政策，协助链接社区和社会资源，做好记录并约定下次服务时间，服务对象表示满意。";

    private final DataSource ds;
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final LocalDate start;
    private final LocalDate end;

    SyntheticCity(DataSource ds, JdbcClient jdbc, String product) {
        this.ds = ds;
        this.jdbc = jdbc;
        this.postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
        // the last full year: twelve whole months ending with last month
        this.start = LocalDate.now().withDayOfMonth(1).minusYears(1);
        this.end = start.plusYears(1).minusDays(1);
    }

    int loadedCounties() {
        return projectIds().size();
    }

    List<Long> projectIds() {
        return jdbc.sql("SELECT p.id FROM project p JOIN org_unit u ON u.id = p.bureau_id WHERE u.name LIKE ? ORDER BY u.name")
                .param(COUNTY_PREFIX + "%").query(Long.class).list();
    }

    List<Long> stationsOf(int county) {
        return jdbc.sql("SELECT station_id FROM project_station WHERE project_id = ? ORDER BY station_id")
                .param(projectIds().get(county)).query(Long.class).list();
    }

    /** Adds counties until there are {@code counties}; says what it loaded, or null when nothing was missing. */
    String loadUpTo(int counties) throws Exception {
        int have = loadedCounties();
        if (have >= counties) {
            return null;
        }
        long records = 0;
        long photos = 0;
        for (int c = have; c < counties; c++) {
            long[] n = addCounty(c);
            records += n[0];
            photos += n[1];
        }
        try (Connection conn = ds.getConnection(); Statement st = conn.createStatement()) {
            conn.setAutoCommit(true);
            // what RecordStore keeps for every counting record it writes (V32); the loader writes plain SQL
            st.execute("INSERT INTO service_person_fact (record_id, recipient_id, station_id, kind, service_date, "
                    + "project_id) SELECT DISTINCT r.id, p.recipient_id, r.station_id, r.kind, r.service_date, "
                    + "r.project_id FROM service_record r "
                    + "JOIN service_record_participant p ON p.record_id = r.id WHERE r.status = 'ACTIVE' "
                    + "AND r.qualification = 'COUNTS' AND p.recipient_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                    + "service_person_fact f WHERE f.record_id = r.id)");
        }
        if (postgres) {
            try (Connection conn = ds.getConnection(); Statement st = conn.createStatement()) {
                conn.setAutoCommit(true);
                // what autovacuum does soon after a bulk load: statistics, visibility map
                for (String t : List.of("org_unit", "project", "project_station", "service_record",
                        "service_record_participant", "service_person_fact", "service_record_reason", "evidence_photo",
                        "evidence_copy_hash")) {
                    st.execute("VACUUM ANALYZE " + t);
                }
                // and write the loaded pages out now, not while the timings run
                st.execute("CHECKPOINT");
            }
        }
        return String.format("%d count%s: %,d service records, %,d photos", counties - have,
                counties - have == 1 ? "y" : "ies", records, photos);
    }

    private long[] addCounty(int c) throws Exception {
        Map<String, Object> city = jdbc.sql("SELECT id, path, level FROM org_unit WHERE type = 'CITY_BUREAU' ORDER BY id")
                .query().listOfRows().get(0);
        String label = String.format("%s%02d", COUNTY_PREFIX, c + 1);
        long county = unit((Long) city.get("id"), (String) city.get("path"), ((Number) city.get("level")).intValue() + 1,
                "COUNTY_BUREAU", label + "民政局", null, null);
        String countyPath = pathOf(county);
        long general = unit(county, countyPath, levelOf(county) + 1, "GENERAL_STATION", label + "社会工作服务总站", null, null);
        String generalPath = pathOf(general);
        Random r = new Random(1000 + c);
        List<Long> stations = new ArrayList<>();
        for (int s = 0; s < STATIONS; s++) {
            double lat = 40.2 + r.nextDouble() * 0.8;
            double lon = 109.5 + r.nextDouble() * 1.2;
            stations.add(unit(general, generalPath, levelOf(general) + 1, "STATION",
                    String.format("%s第%02d街道社工站", label, s + 1), lat, lon));
        }
        long project = project(county, label, stations);
        long records = (long) STATIONS * RECORDS_PER_STATION;
        long photos = c == 0 ? FIRST_COUNTY_PHOTOS : records * CITY_PHOTOS_PER_RECORD;
        records(c, project, stations, photos);
        return new long[] {records, photos};
    }

    private long unit(long parent, String parentPath, int level, String type, String name, Double lat, Double lon) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO org_unit (parent_id, type, name, path, level, active, latitude, longitude, created_at, version) "
                        + "VALUES (?,?,?,?,?,TRUE,?,?,?,0)")
                .params(parent, type, name, parentPath, level, lat, lon, OffsetDateTime.now())
                .update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("UPDATE org_unit SET path = ? WHERE id = ?").params(parentPath + id + "/", id).update();
        return id;
    }

    private String pathOf(long id) {
        return jdbc.sql("SELECT path FROM org_unit WHERE id = ?").param(id).query(String.class).single();
    }

    private int levelOf(long id) {
        return jdbc.sql("SELECT level FROM org_unit WHERE id = ?").param(id).query(Integer.class).single();
    }

    /** A project like the demo project (catalog, tier, optional items, evidence policy) over the last full year. */
    private long project(long county, String label, List<Long> stations) {
        Map<String, Object> demo = jdbc.sql("SELECT * FROM project ORDER BY id").query().listOfRows().get(0);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO project (name, bureau_id, agency_id, catalog_id, tier_code, start_date, end_date, "
                        + "photo_required, max_distance_m, capture_grace_days, min_group_attendees, "
                        + "sign_in_required_indoor, receipts_required, created_at, created_by, version) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(label + "民政领域社会工作服务项目", county, demo.get("agency_id"), demo.get("catalog_id"),
                        demo.get("tier_code"), start, end, demo.get("photo_required"), demo.get("max_distance_m"),
                        demo.get("capture_grace_days"), demo.get("min_group_attendees"),
                        demo.get("sign_in_required_indoor"), demo.get("receipts_required"), OffsetDateTime.now(), "bench")
                .update(key, "id");
        long id = key.getKey().longValue();
        for (long s : stations) {
            jdbc.sql("INSERT INTO project_station (project_id, station_id) VALUES (?,?)").params(id, s).update();
        }
        jdbc.sql("INSERT INTO project_item (project_id, item_id) SELECT ?, item_id FROM project_item WHERE project_id = ?")
                .params(id, demo.get("id")).update();
        return id;
    }

    // ---- the synthetic ledgers: recipient n of a station is station * 100000 + n ----

    static long recipientId(long station, int n) {
        return station * 100_000 + n;
    }

    static int domainOf(int n) {
        int x = Math.floorMod(n * 7919 + 13, 100);
        int acc = 0;
        for (int d = 0; d < DOMAIN_WEIGHTS.length; d++) {
            acc += DOMAIN_WEIGHTS[d];
            if (x < acc) {
                return d;
            }
        }
        return 0;
    }

    LedgerFactSource ledger() {
        return new LedgerFactSource() {
            @Override
            public Map<Long, Set<Long>> population(Collection<Long> stationIds, LedgerDomain domain, String subtype,
                                                   LocalDate asOf) {
                Map<Long, Set<Long>> result = new HashMap<>();
                for (long s : stationIds) {
                    Set<Long> people = new HashSet<>();
                    for (int n = 0; n < RECIPIENTS_PER_STATION; n++) {
                        if (domain == null || domain == LedgerDomain.ALL || LEDGER_DOMAINS[domainOf(n)] == domain) {
                            people.add(recipientId(s, n));
                        }
                    }
                    result.put(s, people);
                }
                return result;
            }

            @Override
            public Map<Long, Set<Long>> followUpRoster(Collection<Long> stationIds, LocalDate asOf) {
                Map<Long, Set<Long>> result = new HashMap<>();
                for (long s : stationIds) {
                    Set<Long> people = new HashSet<>();
                    for (int n = 0; n < RECIPIENTS_PER_STATION; n += 5) {
                        people.add(recipientId(s, n));
                    }
                    result.put(s, people);
                }
                return result;
            }
        };
    }

    // ---- records, participants, reasons, photos ----

    private long maxId(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** After inserting explicit ids, the identity must continue after them (as the application inserts too). */
    private void restartIdentity(Connection c, String table) throws Exception {
        long next = maxId(c, table) + 1;
        try (Statement st = c.createStatement()) {
            if (postgres) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
            } else {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

    private void records(int county, long project, List<Long> stations, long photoTotal) throws Exception {
        Random r = new Random(42 + county);
        int[] cumulative = new int[KINDS.size()];
        int acc = 0;
        for (int k = 0; k < KINDS.size(); k++) {
            acc += KINDS.get(k).weight();
            cumulative[k] = acc;
        }
        int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
        long total = (long) stations.size() * RECORDS_PER_STATION;
        Map<Long, String> paths = new HashMap<>();
        Map<Long, double[]> places = new HashMap<>();
        for (long s : stations) {
            paths.put(s, pathOf(s));
            places.put(s, jdbc.sql("SELECT latitude, longitude FROM org_unit WHERE id = ?").param(s)
                    .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single());
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long recordId = maxId(c, "service_record");
            long participantId = maxId(c, "service_record_participant");
            long reasonId = maxId(c, "service_record_reason");
            long photoId = maxId(c, "evidence_photo");
            byte[] signature = new byte[ImageHashes.SIGNATURE_LENGTH + 64];
            try (PreparedStatement rec = c.prepareStatement("INSERT INTO service_record (id, station_id, org_unit_id, "
                    + "org_path, project_id, kind, domain, title, service_date, start_time, end_time, place, indoor, "
                    + "distributes_goods, site_latitude, site_longitude, workers, participant_count, content, outcome, "
                    + "qualification, qualification_codes, qualified_at, status, void_reason, voided_at, voided_by, "
                    + "created_by_id, created_by_name, created_at, updated_at, version) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)");
                 PreparedStatement part = c.prepareStatement("INSERT INTO service_record_participant "
                         + "(id, record_id, recipient_id, name) VALUES (?,?,?,?)");
                 PreparedStatement reason = c.prepareStatement("INSERT INTO service_record_reason "
                         + "(id, record_id, code, detail) VALUES (?,?,?,?)");
                 PreparedStatement photo = c.prepareStatement("INSERT INTO evidence_photo (id, owner_type, owner_id, "
                         + "org_path, purpose, source, sha256, content_type, byte_size, width, height, file_key, "
                         + "thumb_key, captured_at, time_source, latitude, longitude, position_source, phash, signature, "
                         + "uploaded_by, uploaded_at, fingerprint_version) VALUES (?, 'SERVICE_RECORD', ?, ?, 'SCENE', "
                         + "'CAMERA', ?, 'image/jpeg', ?, 1600, 1200, ?, ?, ?, 'EXIF', ?, ?, 'EXIF', ?, ?, '基准社工', ?, 2)");
                 // the duplicate index of detector v2 (V85): the whole-picture hash as region 0
                 PreparedStatement hash = c.prepareStatement("INSERT INTO evidence_copy_hash (photo_id, region, phash, "
                         + "band0, band1, band2, band3) VALUES (?,0,?,?,?,?,?)")) {
                long done = 0;
                int pending = 0;
                for (long station : stations) {
                    double[] at = places.get(station);
                    String path = paths.get(station);
                    for (int i = 0; i < RECORDS_PER_STATION; i++) {
                        long id = ++recordId;
                        int pick = r.nextInt(acc);
                        int k = 0;
                        while (cumulative[k] <= pick) {
                            k++;
                        }
                        Kind kind = KINDS.get(k);
                        LocalDate date = start.plusDays(r.nextInt(days));
                        int n = r.nextInt(RECIPIENTS_PER_STATION);
                        String domain = kind.domain() != null ? kind.domain() : RECORD_DOMAINS[domainOf(n)];
                        boolean voided = r.nextInt(100) < 2;
                        boolean counts = r.nextInt(100) < 85;
                        int people = kind.gathering() ? 8 + r.nextInt(25) : 1 + (r.nextInt(5) == 0 ? 1 : 0);
                        int linked = kind.gathering() ? r.nextInt(6) : people;
                        OffsetDateTime when = date.atTime(9 + r.nextInt(8), r.nextInt(60)).atOffset(OffsetDateTime.now().getOffset());
                        int hour = when.getHour();
                        rec.setLong(1, id);
                        rec.setLong(2, station);
                        rec.setLong(3, station);
                        rec.setString(4, path);
                        rec.setLong(5, project);
                        rec.setString(6, kind.name());
                        rec.setString(7, domain);
                        rec.setString(8, kind.title() + (kind.gathering() ? "（第" + (1 + r.nextInt(40)) + "期）"
                                : "：居民" + n));
                        rec.setDate(9, Date.valueOf(date));
                        rec.setString(10, String.format("%02d:%02d", hour, when.getMinute()));
                        rec.setString(11, String.format("%02d:%02d", Math.min(hour + 1, 23), when.getMinute()));
                        rec.setString(12, kind.gathering() ? "社区活动室" : "服务对象家中");
                        rec.setBoolean(13, kind.gathering() && r.nextInt(10) < 7);
                        rec.setBoolean(14, kind.name().equals("MATERIAL_AID"));
                        rec.setDouble(15, at[0] + (r.nextDouble() - 0.5) * 0.01);
                        rec.setDouble(16, at[1] + (r.nextDouble() - 0.5) * 0.01);
                        rec.setString(17, "张社工、李社工");
                        rec.setInt(18, people);
                        rec.setString(19, kind.title() + "。" + FILLER.substring(0, 40 + r.nextInt(FILLER.length() - 40)));
                        rec.setString(20, r.nextBoolean() ? "服务对象需求已记录，下次回访时跟进。" : null);
                        String code = REASONS[r.nextInt(REASONS.length)];
                        rec.setString(21, counts ? "COUNTS" : "EXCLUDED");
                        rec.setString(22, counts ? null : code);
                        Timestamp created = Timestamp.from(when.plusHours(2).toInstant());
                        rec.setTimestamp(23, created);
                        rec.setString(24, voided ? "VOIDED" : "ACTIVE");
                        rec.setString(25, voided ? "重复录入" : null);
                        if (voided) {
                            rec.setTimestamp(26, created);
                            rec.setString(27, "基准社工");
                        } else {
                            rec.setNull(26, Types.TIMESTAMP);
                            rec.setNull(27, Types.VARCHAR);
                        }
                        rec.setLong(28, 1);
                        rec.setString(29, "基准社工");
                        rec.setTimestamp(30, created);
                        rec.setTimestamp(31, created);
                        rec.addBatch();
                        for (int p = 0; p < linked; p++) {
                            int who = p == 0 ? n : r.nextInt(RECIPIENTS_PER_STATION);
                            part.setLong(1, ++participantId);
                            part.setLong(2, id);
                            part.setLong(3, recipientId(station, who));
                            part.setString(4, "居民" + who);
                            part.addBatch();
                        }
                        if (!counts) {
                            reason.setLong(1, ++reasonId);
                            reason.setLong(2, id);
                            reason.setString(3, code);
                            reason.setString(4, null);
                            reason.addBatch();
                        }
                        // exactly photoTotal photos over the county's records, spread evenly
                        long photos = (done + 1) * photoTotal / total - done * photoTotal / total;
                        for (int p = 0; p < photos; p++) {
                            long pid = ++photoId;
                            long h = r.nextLong();
                            r.nextBytes(signature);
                            photo.setLong(1, pid);
                            photo.setLong(2, id);
                            photo.setString(3, path);
                            photo.setString(4, String.format("%016x%016x%016x%016x", h, pid, id, h ^ pid));
                            photo.setLong(5, 1_500_000 + r.nextInt(2_000_000));
                            photo.setString(6, "photos/" + pid + ".jpg");
                            photo.setString(7, "thumbs/" + pid + ".jpg");
                            photo.setTimestamp(8, Timestamp.from(when.toInstant()));
                            photo.setDouble(9, at[0] + (r.nextDouble() - 0.5) * 0.01);
                            photo.setDouble(10, at[1] + (r.nextDouble() - 0.5) * 0.01);
                            photo.setLong(11, h);
                            photo.setBytes(12, signature);
                            photo.setTimestamp(13, created);
                            photo.addBatch();
                            hash.setLong(1, pid);
                            hash.setLong(2, h);
                            for (int b = 0; b < 4; b++) {
                                hash.setInt(3 + b, Fingerprint.band(h, b));
                            }
                            hash.addBatch();
                            pending++;
                        }
                        done++;
                        pending++;
                        if (pending >= 5000 || done == total) {
                            rec.executeBatch();
                            part.executeBatch();
                            reason.executeBatch();
                            photo.executeBatch();
                            hash.executeBatch();
                            c.commit();
                            pending = 0;
                        }
                    }
                }
            }
            for (String t : List.of("service_record", "service_record_participant", "service_record_reason",
                    "evidence_photo")) {
                restartIdentity(c, t);
            }
            c.commit();
        }
        System.out.printf("  county %d: %,d records%n", county + 1, total);
    }
}
