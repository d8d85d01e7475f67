package cn.sgz.bench;

import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.evidence.internal.ImageHashes;
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
import java.util.HashMap;
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
        try (Connection conn = ds.getConnection(); Statement st = conn.createStatement()) {
            // and the monthly counts (V94), rebuilt from the records as the migration fills them, in one transaction
            conn.setAutoCommit(false);
            st.execute("DELETE FROM service_record_month_count");
            st.execute("INSERT INTO service_record_month_count (station_id, project_id, kind, domain, month_start, n, "
                    + "n_entered) SELECT station_id, COALESCE(project_id, 0), kind, domain, "
                    + "CAST(DATE_TRUNC('MONTH', service_date) AS DATE), COUNT(*), "
                    + "SUM(CASE WHEN platform_entered_on IS NULL THEN 0 ELSE 1 END) FROM service_record "
                    + "WHERE status = 'ACTIVE' AND qualification = 'COUNTS' GROUP BY station_id, COALESCE(project_id, 0), "
                    + "kind, domain, CAST(DATE_TRUNC('MONTH', service_date) AS DATE)");
            conn.commit();
        }
        if (postgres) {
            try (Connection conn = ds.getConnection(); Statement st = conn.createStatement()) {
                conn.setAutoCommit(true);
                // what autovacuum does soon after a bulk load: statistics, visibility map
                for (String t : List.of("org_unit", "project", "project_station", "service_record",
                        "service_record_participant", "service_person_fact", "service_record_month_count", "service_record_reason", "evidence_photo",
                        "evidence_copy_hash", "evidence_copy_posting", "recipient", "recipient_category", "followup_roster", "cw_case",
                        "cw_group", "cw_session", "cw_form", "sign_in_entry", "community_document", "volunteer",
                        "volunteer_service", "community_org", "community_org_record", "charity_fund",
                        "charity_project")) {
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
        sources(c, county, project, stations);
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

    // ---- the other sources, in the tables the application reads ----

    private static final String[] CHILD_FLAGS = {",LEFT_BEHIND,", ",DIFFICULT,", ",MIGRANT,"};
    private static final String[] ASSISTANCE = {"DIBAO", "TEKUN", "LOW_INCOME"};
    private static final String[] STAGES = {"INTAKE", "ASSESSED", "AGREED", "PLANNED", "INTERVENING", "EVALUATED",
            "CLOSING", "CLOSED"};
    private static final String[] GROUP_DOMAINS = {"ELDERLY", "CHILD", "SOCIAL_ASSISTANCE", "DISABLED"};
    static final int CASES_PER_STATION = 20;
    static final int SESSIONS_PER_CASE = 4;
    static final int GROUPS_PER_STATION = 4;
    static final int SESSIONS_PER_GROUP = 6;
    static final int VOLUNTEERS_PER_STATION = 40;
    static final int ORGS_PER_STATION = 5;

    /**
     * Ledgers (600 people per station with their categories, a follow-up roster of every fifth), cases with
     * sessions and forms, groups with sessions, attendance (sign-in sheets) and forms, the station document
     * library (the demo station's documents, per station), volunteers with their services, community
     * organisations with their activities, charity funds and projects: the sources of every rule kind the
     * catalogs use, in the application's tables, so the engine runs the same statements as for a real project.
     */
    private void sources(int county, long countyId, long project, List<Long> stations) throws Exception {
        Random r = new Random(7000 + county);
        OffsetDateTime now = OffsetDateTime.now();
        Timestamp created = Timestamp.from(now.toInstant());
        Map<String, Object> orgDemo = jdbc.sql("SELECT org_type, filing_status FROM community_org ORDER BY id")
                .query().listOfRows().stream().findFirst().orElse(Map.of("org_type", "SERVICE", "filing_status", "FILED"));
        Map<String, Object> fundDemo = jdbc.sql("SELECT kind FROM charity_fund ORDER BY id")
                .query().listOfRows().stream().findFirst().orElse(Map.of("kind", "COMMUNITY"));
        Map<String, Object> charityDemo = jdbc.sql("SELECT status FROM charity_project ORDER BY id")
                .query().listOfRows().stream().findFirst().orElse(Map.of("status", "ACTIVE"));
        Long docStation = jdbc.sql("SELECT MIN(station_id) FROM community_document").query(Long.class).optional()
                .orElse(null);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement person = c.prepareStatement("INSERT INTO recipient (id, county_id, station_id, "
                    + "org_unit_id, org_path, name, gender, birth_date, id_cipher, id_hmac, id_tail, status, created_by, "
                    + "created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,'ACTIVE','bench',?,?,0)");
                 PreparedStatement category = c.prepareStatement("INSERT INTO recipient_category (recipient_id, "
                         + "category, subtype, flags) VALUES (?,?,?,?)");
                 PreparedStatement roster = c.prepareStatement("INSERT INTO followup_roster (recipient_id, station_id, "
                         + "org_path, frequency, reason, started_on, active, created_by, created_at) "
                         + "VALUES (?,?,?,'MONTHLY','独居困难老人',?,TRUE,'bench',?)")) {
                for (long station : stations) {
                    String path = pathOf(station);
                    for (int n = 0; n < RECIPIENTS_PER_STATION; n++) {
                        long id = recipientId(station, n);
                        person.setLong(1, id);
                        person.setLong(2, countyId);
                        person.setLong(3, station);
                        person.setLong(4, station);
                        person.setString(5, path);
                        person.setString(6, "居民" + n);
                        person.setString(7, n % 2 == 0 ? "男" : "女");
                        person.setDate(8, Date.valueOf(LocalDate.of(1940 + n % 70, 1 + n % 12, 1 + n % 28)));
                        person.setBytes(9, new byte[] {(byte) n, (byte) (n >> 8), 1, 2, 3, 4, 5, 6});
                        person.setString(10, String.format("%064x", id));
                        person.setString(11, String.format("%04d", n % 10000));
                        person.setTimestamp(12, created);
                        person.setTimestamp(13, created);
                        person.addBatch();
                        LedgerDomain d = LEDGER_DOMAINS[domainOf(n)];
                        category.setLong(1, id);
                        category.setString(2, d.name());
                        category.setString(3, d == LedgerDomain.SOCIAL_ASSISTANCE ? ASSISTANCE[n % 3] : null);
                        category.setString(4, d == LedgerDomain.CHILD ? CHILD_FLAGS[n % 3] : null);
                        category.addBatch();
                        if (n % 5 == 0) {
                            roster.setLong(1, id);
                            roster.setLong(2, station);
                            roster.setString(3, path);
                            roster.setDate(4, Date.valueOf(start));
                            roster.setTimestamp(5, created);
                            roster.addBatch();
                        }
                    }
                    person.executeBatch();
                    category.executeBatch();
                    roster.executeBatch();
                }
            }
            restartIdentity(c, "recipient");
            c.commit();

            // the county's counting records by station and kind, to tie sessions and activities to
            Map<Long, Map<String, List<long[]>>> byStation = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, station_id, kind, service_date FROM service_record "
                    + "WHERE project_id = ? AND status = 'ACTIVE' ORDER BY id")) {
                q.setLong(1, project);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        byStation.computeIfAbsent(rs.getLong(2), k -> new HashMap<>())
                                .computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                                .add(new long[] {rs.getLong(1), rs.getDate(4).toLocalDate().toEpochDay()});
                    }
                }
            }
            try (PreparedStatement kase = c.prepareStatement("INSERT INTO cw_case (code, station_id, org_path, "
                    + "project_id, project_tie, recipient_id, client_name, domain, title, stage, worker_id, worker_name, "
                    + "opened_on, created_at, updated_at, version) VALUES (?,?,?,?,'ONLY',?,?,?,?,?,1,'基准社工',?,?,?,0)",
                    new String[] {"id"});
                 PreparedStatement group = c.prepareStatement("INSERT INTO cw_group (kind, code, station_id, org_path, "
                         + "project_id, project_tie, name, domain, stage, worker_id, worker_name, opened_on, created_at, "
                         + "updated_at, version) VALUES ('GROUP',?,?,?,?,'ONLY',?,?,'RUNNING',1,'基准社工',?,?,?,0)",
                         new String[] {"id"});
                 PreparedStatement session = c.prepareStatement("INSERT INTO cw_session (owner_type, owner_id, "
                         + "record_id, unit_seq, station_id, org_path, service_date, content, created_by, created_at) "
                         + "VALUES (?,?,?,?,?,?,?,'按计划开展本节服务。','bench',?)");
                 PreparedStatement form = c.prepareStatement("INSERT INTO cw_form (owner_type, owner_id, form_type, seq, "
                         + "station_id, org_path, content, updated_by, updated_at, version) "
                         + "VALUES (?,?,?,0,?,?,'{}','bench',?,0)");
                 PreparedStatement signIn = c.prepareStatement("INSERT INTO sign_in_entry (record_id, name, "
                         + "recipient_id, created_at) VALUES (?,?,?,?)");
                 PreparedStatement volunteer = c.prepareStatement("INSERT INTO volunteer (station_id, org_path, name, "
                         + "phone, national_no, joined_on, created_by, created_at, updated_at, version) "
                         + "VALUES (?,?,?,?,?,?,'bench',?,?,0)", new String[] {"id"});
                 PreparedStatement service = c.prepareStatement("INSERT INTO volunteer_service (volunteer_id, station_id, "
                         + "record_id, hours, created_by, created_at) VALUES (?,?,?,?,'bench',?)");
                 PreparedStatement org = c.prepareStatement("INSERT INTO community_org (station_id, org_path, name, "
                         + "org_type, founded_on, filing_status, member_count, created_by, created_at, updated_at, version) "
                         + "VALUES (?,?,?,?,?,?,12,'bench',?,?,0)", new String[] {"id"});
                 PreparedStatement orgRecord = c.prepareStatement("INSERT INTO community_org_record (org_id, station_id, "
                         + "record_id, created_by, created_at) VALUES (?,?,?,'bench',?)");
                 PreparedStatement fund = c.prepareStatement("INSERT INTO charity_fund (station_id, org_path, name, kind, "
                         + "partner_org, established_on, created_by, created_at, updated_at, version) "
                         + "VALUES (?,?,?,?,'市慈善总会',?,'bench',?,?,0)", new String[] {"id"});
                 PreparedStatement charity = c.prepareStatement("INSERT INTO charity_project (station_id, org_path, "
                         + "fund_id, name, goal, content, start_date, status, created_by, created_at, updated_at, version) "
                         + "VALUES (?,?,?,?,'帮扶困难群众','慈善项目内容',?,?,'bench',?,?,0)")) {
                for (long station : stations) {
                    String path = pathOf(station);
                    Map<String, List<long[]>> kinds = byStation.getOrDefault(station, Map.of());
                    List<long[]> individual = new ArrayList<>();
                    for (String k : List.of("HOME_ASSESSMENT", "PSYCHOSOCIAL", "CARE_SERVICE", "RESOURCE_LINK")) {
                        individual.addAll(kinds.getOrDefault(k, List.of()));
                    }
                    List<long[]> gatherings = new ArrayList<>();
                    for (String k : List.of("COMMUNITY_SERVICE", "POLICY_SERVICE", "TRAINING", "CONSULTATION_MEETING")) {
                        gatherings.addAll(kinds.getOrDefault(k, List.of()));
                    }
                    int nextIndividual = 0;
                    for (int i = 0; i < CASES_PER_STATION; i++) {
                        int n = i * 29 % RECIPIENTS_PER_STATION;
                        String stage = STAGES[i % STAGES.length];
                        kase.setString(1, "BC" + station + "-" + i);
                        kase.setLong(2, station);
                        kase.setString(3, path);
                        kase.setLong(4, project);
                        kase.setLong(5, recipientId(station, n));
                        kase.setString(6, "居民" + n);
                        kase.setString(7, LEDGER_DOMAINS[domainOf(n)].name());
                        kase.setString(8, "个案服务：居民" + n);
                        kase.setString(9, stage);
                        kase.setDate(10, Date.valueOf(start.plusDays(i * 9L)));
                        kase.setTimestamp(11, created);
                        kase.setTimestamp(12, created);
                        kase.executeUpdate();
                        long caseId = key(kase);
                        for (int s = 0; s < SESSIONS_PER_CASE && nextIndividual < individual.size(); s++) {
                            long[] rec = individual.get(nextIndividual++);
                            addSession(session, "CASE", caseId, rec, null, station, path, created);
                        }
                        for (String f : List.of("INTAKE", "ASSESSMENT", "PLAN")) {
                            addForm(form, "CASE", caseId, f, station, path, created);
                        }
                        if (i % STAGES.length >= 5) {
                            addForm(form, "CASE", caseId, "EVALUATION", station, path, created);
                        }
                    }
                    int nextGathering = 0;
                    for (int g = 0; g < GROUPS_PER_STATION; g++) {
                        group.setString(1, "BG" + station + "-" + g);
                        group.setLong(2, station);
                        group.setString(3, path);
                        group.setLong(4, project);
                        group.setString(5, "互助小组" + (g + 1));
                        group.setString(6, GROUP_DOMAINS[g % GROUP_DOMAINS.length]);
                        group.setDate(7, Date.valueOf(start.plusDays(g * 30L)));
                        group.setTimestamp(8, created);
                        group.setTimestamp(9, created);
                        group.executeUpdate();
                        long groupId = key(group);
                        for (int s = 0; s < SESSIONS_PER_GROUP && nextGathering < gatherings.size(); s++) {
                            long[] rec = gatherings.get(nextGathering++);
                            addSession(session, "GROUP", groupId, rec, s + 1, station, path, created);
                            int attendees = 4 + r.nextInt(12);
                            for (int a = 0; a < attendees; a++) {
                                int who = r.nextInt(RECIPIENTS_PER_STATION);
                                signIn.setLong(1, rec[0]);
                                signIn.setString(2, "居民" + who);
                                signIn.setLong(3, recipientId(station, who));
                                signIn.setTimestamp(4, created);
                                signIn.addBatch();
                            }
                        }
                        for (String f : List.of("GROUP_PLAN", "UNIT_PLAN", "GROUP_EVALUATION")) {
                            addForm(form, "GROUP", groupId, f, station, path, created);
                        }
                    }
                    List<Long> volunteers = new ArrayList<>();
                    for (int v = 0; v < VOLUNTEERS_PER_STATION; v++) {
                        volunteer.setLong(1, station);
                        volunteer.setString(2, path);
                        volunteer.setString(3, "志愿者" + v);
                        volunteer.setString(4, String.format("138%08d", v));
                        volunteer.setString(5, v % 5 < 3 ? "NV" + station + "-" + v : null);
                        volunteer.setDate(6, Date.valueOf(start.minusMonths(6).plusDays(v * 7L)));
                        volunteer.setTimestamp(7, created);
                        volunteer.setTimestamp(8, created);
                        volunteer.executeUpdate();
                        volunteers.add(key(volunteer));
                    }
                    int v = 0;
                    for (long[] rec : kinds.getOrDefault("VOLUNTEER_ACTIVITY", List.of())) {
                        for (int k = 0; k < 3; k++) {
                            service.setLong(1, volunteers.get(v++ % volunteers.size()));
                            service.setLong(2, station);
                            service.setLong(3, rec[0]);
                            service.setBigDecimal(4, new java.math.BigDecimal("2.0"));
                            service.setTimestamp(5, created);
                            service.addBatch();
                        }
                    }
                    List<Long> orgs = new ArrayList<>();
                    for (int o = 0; o < ORGS_PER_STATION; o++) {
                        org.setLong(1, station);
                        org.setString(2, path);
                        org.setString(3, "社区社会组织" + (o + 1));
                        org.setString(4, (String) orgDemo.get("org_type"));
                        org.setDate(5, Date.valueOf(start.minusMonths(3).plusMonths(o * 3L)));
                        org.setString(6, (String) orgDemo.get("filing_status"));
                        org.setTimestamp(7, created);
                        org.setTimestamp(8, created);
                        org.executeUpdate();
                        orgs.add(key(org));
                    }
                    int o = 0;
                    for (long[] rec : kinds.getOrDefault("ORG_ACTIVITY", List.of())) {
                        orgRecord.setLong(1, orgs.get(o++ % orgs.size()));
                        orgRecord.setLong(2, station);
                        orgRecord.setLong(3, rec[0]);
                        orgRecord.setTimestamp(4, created);
                        orgRecord.addBatch();
                    }
                    fund.setLong(1, station);
                    fund.setString(2, path);
                    fund.setString(3, "社区慈善基金" + station);
                    fund.setString(4, (String) fundDemo.get("kind"));
                    fund.setDate(5, Date.valueOf(start.plusMonths(1)));
                    fund.setTimestamp(6, created);
                    fund.setTimestamp(7, created);
                    fund.executeUpdate();
                    long fundId = key(fund);
                    for (int p = 0; p < 3; p++) {
                        charity.setLong(1, station);
                        charity.setString(2, path);
                        charity.setLong(3, fundId);
                        charity.setString(4, "慈善项目" + (p + 1));
                        charity.setDate(5, Date.valueOf(start.plusMonths(p * 4L)));
                        charity.setString(6, (String) charityDemo.get("status"));
                        charity.setTimestamp(7, created);
                        charity.setTimestamp(8, created);
                        charity.addBatch();
                    }
                    session.executeBatch();
                    form.executeBatch();
                    signIn.executeBatch();
                    service.executeBatch();
                    orgRecord.executeBatch();
                    charity.executeBatch();
                    if (docStation != null) {
                        try (PreparedStatement docs = c.prepareStatement("INSERT INTO community_document (station_id, "
                                + "org_path, name, note, photo_count, created_by, created_at, updated_at, period_from, "
                                + "period_to, domain) SELECT ?, ?, name, note, photo_count, 'bench', created_at, updated_at, "
                                + "period_from, period_to, domain FROM community_document WHERE station_id = ?")) {
                            docs.setLong(1, station);
                            docs.setString(2, path);
                            docs.setLong(3, docStation);
                            docs.executeUpdate();
                        }
                    }
                    c.commit();
                }
            }
        }
    }

    private static void addSession(PreparedStatement session, String owner, long ownerId, long[] rec, Integer seq,
                                   long station, String path, Timestamp created) throws Exception {
        session.setString(1, owner);
        session.setLong(2, ownerId);
        session.setLong(3, rec[0]);
        if (seq == null) {
            session.setNull(4, Types.INTEGER);
        } else {
            session.setInt(4, seq);
        }
        session.setLong(5, station);
        session.setString(6, path);
        session.setDate(7, Date.valueOf(LocalDate.ofEpochDay(rec[1])));
        session.setTimestamp(8, created);
        session.addBatch();
    }

    private static void addForm(PreparedStatement form, String owner, long ownerId, String type, long station,
                                String path, Timestamp created) throws Exception {
        form.setString(1, owner);
        form.setLong(2, ownerId);
        form.setString(3, type);
        form.setLong(4, station);
        form.setString(5, path);
        form.setTimestamp(6, created);
        form.addBatch();
    }

    private static long key(PreparedStatement st) throws Exception {
        try (var rs = st.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
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
                    + "created_by_id, created_by_name, created_at, updated_at, version, rules_version) "
                    // qualified under today's rules: without it the application, restarted on a kept database,
                    // qualifies all 450,000 records again at start-up (RequalifyOnStart) and changes the data
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,"
                    + cn.sgz.evidence.QualificationRules.VERSION + ")");
                 PreparedStatement part = c.prepareStatement("INSERT INTO service_record_participant "
                         + "(id, record_id, recipient_id, name) VALUES (?,?,?,?)");
                 PreparedStatement reason = c.prepareStatement("INSERT INTO service_record_reason "
                         + "(id, record_id, code, detail) VALUES (?,?,?,?)");
                 PreparedStatement photo = c.prepareStatement("INSERT INTO evidence_photo (id, owner_type, owner_id, "
                         + "org_path, purpose, source, sha256, content_type, byte_size, width, height, file_key, "
                         + "thumb_key, captured_at, time_source, latitude, longitude, position_source, phash, signature, "
                         + "uploaded_by, uploaded_at, fingerprint_version) VALUES (?, 'SERVICE_RECORD', ?, ?, 'SCENE', "
                         + "'CAMERA', ?, 'image/jpeg', ?, 1600, 1200, ?, ?, ?, 'EXIF', ?, ?, 'EXIF', ?, ?, '基准社工', ?, 2)");
                 // the duplicate index: the whole-picture hash as region 0 (its posting lists are built from
                 // these rows once the county is loaded, PostingLists.rebuild)
                 PreparedStatement hash = c.prepareStatement("INSERT INTO evidence_copy_hash (photo_id, region, phash) "
                         + "VALUES (?,0,?)")) {
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
            PostingLists.rebuild(c);
            c.commit();
        }
        System.out.printf("  county %d: %,d records%n", county + 1, total);
    }
}
