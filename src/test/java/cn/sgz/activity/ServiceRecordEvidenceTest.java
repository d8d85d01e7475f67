package cn.sgz.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sgz.SgzTest;
import cn.sgz.evidence.TestImages;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Service records end to end through the API, with real images made here: qualification reasons,
 * duplicate detection across stations, idempotent and hostile uploads, optimistic locking, voiding
 * and scope.
 */
@SgzTest
class ServiceRecordEvidenceTest {

    static final String PASSWORD = "sgz-demo-2026!";
    static final double LAT = 40.6010;
    static final double LON = 109.9702;
    static final double LAT2 = 40.6350;
    static final double LON2 = 109.9260;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    /** Logs in for real; the session lives in the database (Spring Session), so the cookie is the handle. */
    Cookie login(String user) throws Exception {
        return new TestLogin(mvc).login(user);
    }

    long stationOf(Cookie s) throws Exception {
        JsonNode units = read(mvc.perform(get("/api/v1/org-units").cookie(s)).andReturn());
        for (JsonNode u : units) {
            if ("STATION".equals(u.get("type").asText())) {
                return u.get("id").asLong();
            }
        }
        throw new AssertionError("no station");
    }

    JsonNode read(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString());
    }

    JsonNode create(Cookie s, String kind, boolean indoor, boolean goods) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("orgUnitId", stationOf(s));
        body.put("kind", kind);
        body.put("title", "测试 " + kind);
        body.put("serviceDate", today().toString());
        body.put("indoor", indoor);
        body.put("distributesGoods", goods);
        body.put("participants", List.of(Map.of("name", "王大爷")));
        MvcResult r = mvc.perform(post("/api/v1/service-records")
                        .cookie(s)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn();
        return read(r);
    }

    static LocalDate today() {
        return ChinaTime.today();
    }

    static byte[] photo(BufferedImage img, LocalDateTime when, Double lat, Double lon) {
        return TestImages.withExif(TestImages.jpeg(img, 0.9f), when, lat, lon);
    }

    static byte[] photoToday(long seed, double lat, double lon) {
        return photo(TestImages.scene(seed), today().atTime(10, 0), lat, lon);
    }

    MvcResult upload(Cookie s, long recordId, byte[] bytes, String uploadId) throws Exception {
        return mvc.perform(put("/api/v1/service-records/" + recordId + "/photos/" + uploadId)
                        .cookie(s)
                        .with(csrf())
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(bytes))
                .andReturn();
    }

    JsonNode qualification(Cookie s, long id) throws Exception {
        return read(mvc.perform(
                        get("/api/v1/service-records/" + id + "/qualification").cookie(s))
                .andExpect(status().isOk())
                .andReturn());
    }

    static List<String> codes(JsonNode q) {
        List<String> out = new java.util.ArrayList<>();
        q.get("reasons").forEach(r -> out.add(r.get("code").asText()));
        return out;
    }

    @Test
    void aRecordIsTiedToTheProjectRunningAtItsStationAndAForeignProjectIsRefused() throws Exception {
        long demoProject = jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%'")
                .query(Long.class)
                .single();
        Cookie w = login("demo_worker");
        // other tests may add projects over the same station (shared database): then no project is unique
        List<Long> running = jdbc.sql("SELECT p.id FROM project p JOIN project_station s ON s.project_id = p.id "
                        + "WHERE s.station_id = ? AND ? BETWEEN p.start_date AND p.end_date")
                .params(stationOf(w), today())
                .query(Long.class)
                .list();
        JsonNode created = create(w, "RESOURCE_LINKING", false, false);
        JsonNode tied = created.get("projectId");
        if (running.size() == 1) {
            assertThat(running).containsExactly(demoProject);
            assertThat(tied.asLong()).isEqualTo(demoProject);
            String page = mvc.perform(
                            get("/records/" + created.get("id").asLong()).cookie(w))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).containsPattern("id=\"record-project\">九原区民政领域社会工作服务项目");
        } else {
            // several projects run at the station: the record counts for exactly one, the earliest-started
            // (then the lowest id), never for all of them
            long earliest = jdbc.sql("SELECT p.id FROM project p JOIN project_station s ON s.project_id = p.id "
                            + "WHERE s.station_id = ? AND ? BETWEEN p.start_date AND p.end_date "
                            + "ORDER BY p.start_date, p.id")
                    .params(stationOf(w), today())
                    .query(Long.class)
                    .list()
                    .get(0);
            assertThat(tied.asLong())
                    .as("several projects run at the station: the earliest-started")
                    .isEqualTo(earliest);
        }

        Map<String, Object> body = new java.util.HashMap<>();
        body.put("orgUnitId", stationOf(w));
        body.put("kind", "RESOURCE_LINKING");
        body.put("serviceDate", today().toString());
        body.put("projectId", demoProject + 100_000);
        mvc.perform(post("/api/v1/service-records")
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0].field").value("projectId"));
    }

    @Test
    void thePlainRecordFormDoesNotOfferCaseOrGroupSessions() throws Exception {
        String form = mvc.perform(get("/records/new").cookie(login("demo_worker")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form)
                .contains("value=\"FOLLOW_UP_VISIT\"")
                .doesNotContain("value=\"CASE_SESSION\"")
                .doesNotContain("value=\"GROUP_SESSION\"");
        // the project picker (for a station under two projects) lists the projects the worker sees
        assertThat(form).contains("id=\"projectId\"").contains("按社工站和服务日期自动匹配").contains("九原区民政领域社会工作服务项目");
    }

    @Test
    void recordWithoutPhotoIsExcludedAndAGoodPhotoMakesItCount() throws Exception {
        Cookie w = login("demo_worker");
        long id = create(w, "FOLLOW_UP_VISIT", false, false).get("id").asLong();
        JsonNode q = qualification(w, id);
        assertThat(q.get("status").asText()).isEqualTo("EXCLUDED");
        assertThat(codes(q)).containsExactly("NO_PHOTO");
        assertThat(q.get("reasons").get(0).get("fix").asText()).contains("水印");

        MvcResult up = upload(w, id, photoToday(101, LAT + 0.001, LON), "t-ok-1");
        assertThat(up.getResponse().getStatus()).isEqualTo(201);
        JsonNode p = read(up).get("photo");
        assertThat(p.get("timeSource").asText()).isEqualTo("EXIF");
        assertThat(p.get("latitude").asDouble()).isBetween(40.60, 40.61);
        assertThat(p.get("duplicateOfId").isNull()).isTrue();
        assertThat(qualification(w, id).get("status").asText()).isEqualTo("COUNTS");

        // the page shows the badge for browser tests
        String html = mvc.perform(get("/records/" + id).cookie(w))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("data-testid=\"qualification-badge\"")
                .contains("计入服务次数")
                .contains("data-testid=\"photo-upload-input\"");
    }

    @Test
    void photoTakenOnAnotherDayOrFarAwayOrWithoutTimeIsExcluded() throws Exception {
        Cookie w = login("demo_worker");
        long a = careInDemoProject(w);
        upload(w, a, photo(TestImages.scene(111), today().minusDays(3).atTime(9, 0), LAT, LON), "t-day-1");
        JsonNode qa = qualification(w, a);
        assertThat(codes(qa)).containsExactly("PHOTO_DATE_MISMATCH");
        assertThat(qa.get("reasons").get(0).get("detail").asText())
                .contains(today().minusDays(3).toString());

        long b = careInDemoProject(w);
        upload(w, b, photo(TestImages.scene(112), today().atTime(9, 0), 39.9042, 116.4074), "t-far-1");
        JsonNode qb = qualification(w, b);
        assertThat(codes(qb)).containsExactly("PHOTO_TOO_FAR");
        assertThat(qb.get("reasons").get(0).get("detail").asText()).contains("公里");

        long c = careInDemoProject(w);
        upload(w, c, TestImages.jpeg(TestImages.scene(113), 0.9f), "t-notime-1");
        assertThat(codes(qualification(w, c))).containsExactly("PHOTO_NO_TIME", "PHOTO_NO_PLACE");

        // 水印照片（带时间、地点）: a capture time without a place does not count
        long d = careInDemoProject(w);
        upload(w, d, photo(TestImages.scene(914), today().atTime(9, 0), null, null), "t-noplace-1");
        JsonNode qd = qualification(w, d);
        assertThat(codes(qd)).containsExactly("PHOTO_NO_PLACE");
        assertThat(qd.get("reasons").get(0).get("detail").asText()).contains("没有拍摄地点");
    }

    /**
     * A care service tied to the demo contract, whose evidence policy (distance check on) these checks are about;
     * other tests add projects over the same station, and a record is tied to the earliest-started one.
     */
    long careInDemoProject(Cookie w) throws Exception {
        long demoProject = jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%'")
                .query(Long.class)
                .single();
        return createWith(w, Map.of("kind", "CARE_SERVICE", "title", "测试照片核验", "projectId", demoProject))
                .get("id")
                .asLong();
    }

    JsonNode createWith(Cookie s, Map<String, Object> fields) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("orgUnitId", stationOf(s));
        body.put("serviceDate", today().toString());
        body.put("participants", List.of(Map.of("name", "王大爷")));
        body.putAll(fields);
        MvcResult r = mvc.perform(post("/api/v1/service-records")
                        .cookie(s)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn();
        return read(r);
    }

    @Autowired
    cn.sgz.progress.RecordFactSource recordFacts;

    @Test
    void aGatheringHeldOutdoorsNeedsAReasonAndTheBureauSeesIt() throws Exception {
        Cookie w = login("demo_worker");
        JsonNode created = createWith(w, Map.of("kind", "COMMUNITY_SERVICE", "title", "广场纳凉晚会", "indoor", false));
        long id = created.get("id").asLong();
        upload(w, id, photoToday(931, LAT, LON), "t-outdoor-1");
        // unticking 室内 alone does not switch the sign-in rule off
        assertThat(codes(qualification(w, id))).containsExactly("NO_SIGN_IN");
        Map<String, Object> form = new java.util.HashMap<>();
        form.put("orgUnitId", stationOf(w));
        form.put("kind", "COMMUNITY_SERVICE");
        form.put("title", "广场纳凉晚会");
        form.put("serviceDate", today().toString());
        form.put("indoor", false);
        form.put("participants", List.of(Map.of("name", "王大爷")));
        form.put("outdoorReason", "广场演出，居民随来随走");
        JsonNode updated = read(mvc.perform(put("/api/v1/service-records/" + id)
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of(
                                "record",
                                form,
                                "version",
                                created.get("version").asLong()))))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(updated.get("outdoorReason").asText()).isEqualTo("广场演出，居民随来随走");
        assertThat(updated.get("qualification").asText()).isEqualTo("COUNTS");
        // the bureau sees the reason on the record page and in the drill-down's records
        Cookie bureau = login("demo_bureau");
        String html = mvc.perform(get("/records/" + id).cookie(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("data-testid=\"relaxation\"").contains("户外活动，未要求签到表。原因：广场演出，居民随来随走");
        long station = created.get("stationId").asLong();
        assertThat(recordFacts.records(
                        station,
                        java.util.Set.of(cn.sgz.shared.vocabulary.ServiceKind.COMMUNITY_SERVICE),
                        cn.sgz.shared.vocabulary.LedgerDomain.ALL,
                        today(),
                        today()))
                .filteredOn(r -> r.id() == id)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.counts()).isTrue();
                    assertThat(r.notes()).containsExactly("户外活动，未要求签到表。原因：广场演出，居民随来随走");
                });
    }

    @Test
    void materialAidNeedsAReceiptForEachPersonUnlessTheWorkerSaysWhyNoGoods() throws Exception {
        Cookie w = login("demo_worker");
        // not ticking 发放物品 on 物质帮扶 does not switch the receipt rule off
        long id = createWith(
                        w,
                        Map.of(
                                "kind",
                                "物资帮扶",
                                "title",
                                "发放米面油",
                                "participants",
                                List.of(Map.of("name", "王大爷"), Map.of("name", "李奶奶"))))
                .get("id")
                .asLong();
        upload(w, id, photoToday(941, LAT, LON), "t-aid-1");
        JsonNode q = qualification(w, id);
        assertThat(codes(q)).containsExactly("NO_RECEIPT", "NO_RECEIPT");
        receipt(w, id, "王大爷");
        assertThat(codes(qualification(w, id))).containsExactly("NO_RECEIPT");
        receipt(w, id, "李奶奶");
        assertThat(qualification(w, id).get("status").asText()).isEqualTo("COUNTS");

        // with a reason, a 物质帮扶 visit that handed out nothing counts, and the page says why
        JsonNode noGoods =
                createWith(w, Map.of("kind", "MATERIAL_AID", "title", "协助申请临时救助", "noGoodsReason", "协助申请，物资由街道统一发放"));
        upload(w, noGoods.get("id").asLong(), photoToday(942, LAT, LON), "t-aid-2");
        assertThat(qualification(w, noGoods.get("id").asLong()).get("status").asText())
                .isEqualTo("COUNTS");
        String html = mvc.perform(get("/records/" + noGoods.get("id").asLong()).cookie(login("demo_bureau")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("物质帮扶未发放物品，未要求领取单据。原因：协助申请，物资由街道统一发放");
    }

    void receipt(Cookie w, long id, String name) throws Exception {
        mvc.perform(post("/api/v1/service-records/" + id + "/receipts")
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", name, "item", "米面油", "quantity", "1份"))))
                .andExpect(status().isCreated());
    }

    @Test
    void aPublicityRecordCountsForAPublicityIndicator() throws Exception {
        Cookie w = login("demo_worker");
        // the channel is required
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("orgUnitId", stationOf(w));
        body.put("kind", "PUBLICITY");
        body.put("serviceDate", today().toString());
        mvc.perform(post("/api/v1/service-records")
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0].field").value("publicityChannel"));
        JsonNode r = createWith(
                w,
                Map.of(
                        "kind",
                        "宣传展示",
                        "title",
                        "公众号推文：社工站开展冬季走访",
                        "publicityChannel",
                        "WECHAT",
                        "publicityLink",
                        "https://mp.weixin.qq.com/s/test-" + System.nanoTime(),
                        "participants",
                        List.of()));
        long id = r.get("id").asLong();
        assertThat(r.get("kind").asText()).isEqualTo("PUBLICITY");
        assertThat(codes(qualification(w, id))).containsExactly("NO_SCREENSHOT");
        // a screenshot has neither capture time nor place, and needs neither
        mvc.perform(put("/api/v1/service-records/" + id + "/photos/t-shot-1")
                        .cookie(w)
                        .with(csrf())
                        .param("purpose", "SCREENSHOT")
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(TestImages.jpeg(TestImages.scene(951), 0.9f)))
                .andExpect(status().isCreated());
        assertThat(qualification(w, id).get("status").asText()).isEqualTo("COUNTS");
        long station = r.get("stationId").asLong();
        long before = 0;
        assertThat(recordFacts
                        .monthlyCounts(
                                List.of(station),
                                java.util.Set.of(cn.sgz.shared.vocabulary.ServiceKind.PUBLICITY),
                                today().withDayOfMonth(1),
                                today())
                        .stream()
                        .mapToLong(cn.sgz.progress.RecordFactSource.MonthlyCount::count)
                        .sum())
                .isGreaterThan(before);
        String html = mvc.perform(get("/records/" + id).cookie(w))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("id=\"publicity-channel\"").contains("微信公众号");
    }

    @Test
    void indoorActivityNeedsSignInSheetWithValidPhones() throws Exception {
        Cookie w = login("demo_worker");
        long id = create(w, "COMMUNITY_ACTIVITY", true, false).get("id").asLong();
        upload(w, id, photoToday(121, LAT, LON), "t-indoor-1");
        assertThat(codes(qualification(w, id))).containsExactly("NO_SIGN_IN");
        String html = mvc.perform(get("/records/" + id).cookie(w))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("室内活动缺少签到表").contains("签到表及电话").contains("data-testid=\"qualification-reasons\"");

        // a wrongly typed phone is refused at input, naming the field
        mvc.perform(post("/api/v1/service-records/" + id + "/sign-ins")
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"李四\",\"phone\":\"12345\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0].field").value("phone"));
        // an attendee without a phone is stored, but the record does not count
        JsonNode noPhone = read(mvc.perform(post("/api/v1/service-records/" + id + "/sign-ins")
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"张奶奶\"}"))
                .andExpect(status().isCreated())
                .andReturn());
        mvc.perform(post("/api/v1/service-records/" + id + "/sign-ins")
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"刘阿姨\",\"phone\":\"13904721234\"}"))
                .andExpect(status().isCreated());
        assertThat(codes(qualification(w, id))).containsExactly("ATTENDEE_PHONE_INVALID");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/service-records/" + id + "/sign-ins/"
                                        + noPhone.get("id").asLong())
                        .cookie(w)
                        .with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(qualification(w, id).get("status").asText()).isEqualTo("COUNTS");
    }

    @Test
    void distributionNeedsReceipts() throws Exception {
        Cookie w = login("demo_worker");
        long id = create(w, "CHARITY_RELIEF", false, true).get("id").asLong();
        upload(w, id, photoToday(131, LAT, LON), "t-goods-1");
        assertThat(codes(qualification(w, id))).containsExactly("NO_RECEIPT");
        mvc.perform(post("/api/v1/service-records/" + id + "/receipts")
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"王大爷\",\"item\":\"慰问品\",\"quantity\":\"1份\"}"))
                .andExpect(status().isCreated());
        assertThat(qualification(w, id).get("status").asText()).isEqualTo("COUNTS");
    }

    @Test
    void retriedUploadCreatesOnePhoto() throws Exception {
        Cookie w = login("demo_worker");
        long id = create(w, "FOLLOW_UP_VISIT", false, false).get("id").asLong();
        byte[] bytes = photoToday(141, LAT, LON);
        MvcResult first = upload(w, id, bytes, "retry-abc-1");
        MvcResult second = upload(w, id, bytes, "retry-abc-1");
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(second.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(second).get("photo").get("id").asLong())
                .isEqualTo(read(first).get("photo").get("id").asLong());
        // a multipart resubmission without an id is recognised by its content
        MockMultipartFile file = new MockMultipartFile("file", "a.jpg", "image/jpeg", bytes);
        mvc.perform(multipart("/api/v1/service-records/" + id + "/photos")
                        .file(file)
                        .cookie(w)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false));
        JsonNode detail =
                read(mvc.perform(get("/api/v1/service-records/" + id).cookie(w)).andReturn());
        assertThat(detail.get("photos").size()).isEqualTo(1);
    }

    @Test
    void hostileUploadsAreRefusedWithAChineseMessage() throws Exception {
        Cookie w = login("demo_worker");
        long id = create(w, "FOLLOW_UP_VISIT", false, false).get("id").asLong();
        byte[] big = new byte[15 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        MvcResult tooBig = upload(w, id, big, "big-1");
        assertThat(tooBig.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(tooBig).get("code").asText()).isEqualTo("PHOTO_TOO_LARGE");
        assertThat(read(tooBig).get("message").asText()).contains("不能超过 15 MB");

        MvcResult forged = upload(w, id, "<?php echo 1; ?> not a photo".getBytes(), "forged-1");
        assertThat(forged.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(forged).get("code").asText()).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(read(forged).get("message").asText()).contains("只接受 JPEG、PNG、WebP");

        byte[] heic = new byte[64];
        System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 0, heic, 0, 12);
        MvcResult h = upload(w, id, heic, "heic-1");
        assertThat(read(h).get("code").asText()).isEqualTo("UNSUPPORTED_HEIC");
        assertThat(read(h).get("message").asText()).contains("HEIC");

        MvcResult bomb = upload(w, id, TestImages.pngHeaderOnly(60000, 60000), "bomb-1");
        assertThat(bomb.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(bomb).get("code").asText()).isEqualTo("IMAGE_TOO_LARGE");
        assertThat(read(bomb).get("message").asText()).contains("60000×60000");

        assertThat(read(mvc.perform(get("/api/v1/service-records/" + id).cookie(w))
                                .andReturn())
                        .get("photos")
                        .size())
                .isZero();
    }

    @Test
    void staleEditGetsConflictAndOverwritesNothing() throws Exception {
        Cookie w = login("demo_worker");
        JsonNode r = create(w, "RESOURCE_LINKING", false, false);
        long id = r.get("id").asLong();
        long version = r.get("version").asLong();
        Map<String, Object> form = Map.of(
                "orgUnitId",
                r.get("orgUnitId").asLong(),
                "kind",
                "RESOURCE_LINKING",
                "title",
                "第一次修改",
                "serviceDate",
                today().toString());
        mvc.perform(put("/api/v1/service-records/" + id)
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("record", form, "version", version))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1));
        Map<String, Object> stale = Map.of(
                "orgUnitId",
                r.get("orgUnitId").asLong(),
                "kind",
                "RESOURCE_LINKING",
                "title",
                "过期的修改",
                "serviceDate",
                today().toString());
        mvc.perform(put("/api/v1/service-records/" + id)
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("record", stale, "version", version))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("已被他人修改")));
        mvc.perform(get("/api/v1/service-records/" + id).cookie(w))
                .andExpect(jsonPath("$.record.title").value("第一次修改"));
    }

    @Test
    void voidKeepsTheRecordWithReasonAndAudit() throws Exception {
        Cookie w = login("demo_worker");
        JsonNode r = create(w, "NEEDS_SURVEY", false, false);
        long id = r.get("id").asLong();
        mvc.perform(post("/api/v1/service-records/" + id + "/void")
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"重复登记\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VOIDED"));
        mvc.perform(get("/api/v1/service-records/" + id).cookie(w))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.record.voidReason").value("重复登记"));
        JsonNode list = read(mvc.perform(get("/api/v1/service-records?includeVoided=true&limit=500")
                        .cookie(w))
                .andReturn());
        assertThat(list.findValues("id").stream().map(JsonNode::asLong)).contains(id);
        JsonNode active = read(
                mvc.perform(get("/api/v1/service-records?limit=500").cookie(w)).andReturn());
        assertThat(active.findValues("id").stream().map(JsonNode::asLong)).doesNotContain(id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'RECORD_VOID' AND target_id = ? "
                                + "AND detail = '重复登记'")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post("/api/v1/service-records/" + id + "/void")
                        .cookie(w)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"再次作废\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void anotherStationsWorkerSeesNothing() throws Exception {
        Cookie w = login("demo_worker");
        long id = create(w, "FOLLOW_UP_VISIT", false, false).get("id").asLong();
        long photoId = read(upload(w, id, photoToday(151, LAT, LON), "scope-1"))
                .get("photo")
                .get("id")
                .asLong();
        Cookie other = login("demo_worker2");
        mvc.perform(get("/api/v1/service-records/" + id).cookie(other)).andExpect(status().isNotFound());
        mvc.perform(get("/records/" + id).cookie(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/photos/" + photoId).cookie(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/photos/" + photoId + "/original").cookie(other))
                .andExpect(status().isNotFound());
        mvc.perform(get("/photos/" + photoId + "/thumb").cookie(other)).andExpect(status().isNotFound());
        JsonNode list =
                read(mvc.perform(get("/api/v1/service-records?limit=500").cookie(other))
                        .andReturn());
        assertThat(list.findValues("id").stream().map(JsonNode::asLong)).doesNotContain(id);
        mvc.perform(post("/api/v1/service-records/" + id + "/void")
                        .cookie(other)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"越权作废\"}"))
                .andExpect(status().isNotFound());
        // the owner can download it
        mvc.perform(get("/api/v1/photos/" + photoId + "/original").cookie(w)).andExpect(status().isOk());
    }

    @Test
    void copiesOfAPhotoAreFlaggedAnywhereWithALinkToTheOriginal() throws Exception {
        Cookie w = login("demo_worker");
        long a = create(w, "FOLLOW_UP_VISIT", false, false).get("id").asLong();
        BufferedImage scene = TestImages.scene(161);
        byte[] original = photo(scene, today().atTime(9, 30), LAT, LON);
        long originalId =
                read(upload(w, a, original, "dup-orig")).get("photo").get("id").asLong();
        assertThat(qualification(w, a).get("status").asText()).isEqualTo("COUNTS");

        // the copies are uploaded at another station, by another worker
        Cookie w2 = login("demo_worker2");
        BufferedImage decoded = TestImages.read(original);
        Map<String, byte[]> copies = new java.util.LinkedHashMap<>();
        copies.put("byte-identical", original);
        copies.put("resized", photo(TestImages.resize(decoded, 0.5), today().atTime(9, 30), LAT2, LON2));
        copies.put(
                "recompressed",
                photo(decoded, today().atTime(9, 30), LAT2, LON2).length > 0
                        ? TestImages.withExif(TestImages.jpeg(decoded, 0.45f), today().atTime(9, 30), LAT2, LON2)
                        : null);
        copies.put(
                "cropped-5%",
                photo(TestImages.crop(decoded, 0.025, 0.025, 0.025, 0.025), today().atTime(9, 30), LAT2, LON2));
        copies.put("brightened", photo(TestImages.brightness(decoded, 30, 1.0), today().atTime(9, 30), LAT2, LON2));
        copies.put(
                "re-watermarked",
                photo(TestImages.stamp(decoded, "2026-05-20 10:12 萨如拉"), today().atTime(9, 30), LAT2, LON2));
        int n = 0;
        for (Map.Entry<String, byte[]> c : copies.entrySet()) {
            long b = create(w2, "FOLLOW_UP_VISIT", false, false).get("id").asLong();
            JsonNode p = read(upload(w2, b, c.getValue(), "dup-copy-" + n++)).get("photo");
            assertThat(p.get("duplicateOfId").asLong()).as(c.getKey()).isEqualTo(originalId);
            // the earlier record may be another station's: its id is never in the photo's JSON (EarlierPhoto says it
            // only to callers whose scope covers it)
            assertThat(p.has("duplicateOfOwnerId")).as(c.getKey()).isFalse();
            assertThat(p.has("duplicateOfOwnerType")).as(c.getKey()).isFalse();
            assertThat(p.get("duplicateKind").asText())
                    .as(c.getKey())
                    .isEqualTo(c.getKey().equals("byte-identical") ? "EXACT" : "SIMILAR");
            assertThat(codes(qualification(w2, b))).as(c.getKey()).contains("DUPLICATE_PHOTO");
            if (n == 1) {
                String html = mvc.perform(get("/records/" + b).cookie(w2))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                // the other station's record is not linked (it would answer 404); the earlier photo is summarised
                assertThat(html)
                        .doesNotContain("data-testid=\"duplicate-link\"")
                        .doesNotContain("/records/" + a + "#photo-" + originalId)
                        .contains("data-testid=\"earlier-photo\"")
                        .contains("/earlier-thumb");
            }
        }
        // the earlier record still counts, and shows who reused its photo
        assertThat(qualification(w, a).get("status").asText()).isEqualTo("COUNTS");
        assertThat(read(mvc.perform(get("/api/v1/service-records/" + a).cookie(w))
                                .andReturn())
                        .get("reusedBy")
                        .size())
                .isEqualTo(copies.size());
    }

    @Test
    void theServerStampedWatermarkCopyIsStillTheSamePhoto() throws Exception {
        Cookie w = login("demo_worker");
        long a = create(w, "HOME_ASSESSMENT", false, false).get("id").asLong();
        byte[] shot = TestImages.jpeg(TestImages.scene(171), 0.9f);
        MvcResult r = mvc.perform(put("/api/v1/service-records/" + a + "/photos/cam-1")
                        .cookie(w)
                        .with(csrf())
                        .param("source", "CAMERA")
                        .param("takenAt", ChinaTime.offsetNow().toString())
                        .param("latitude", String.valueOf(LAT))
                        .param("longitude", String.valueOf(LON))
                        .param("accuracy", "8")
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(shot))
                .andExpect(status().isCreated())
                .andReturn();
        JsonNode p = read(r).get("photo");
        assertThat(p.get("stamped").asBoolean()).isTrue();
        assertThat(p.get("timeSource").asText()).isEqualTo("DEVICE");
        assertThat(p.get("positionSource").asText()).isEqualTo("DEVICE");
        assertThat(qualification(w, a).get("status").asText()).isEqualTo("COUNTS");
        byte[] stamped = mvc.perform(get("/api/v1/photos/" + p.get("id").asLong() + "/stamped")
                        .cookie(w))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(TestImages.read(stamped)).isNotNull();
        byte[] originalBack = mvc.perform(get("/api/v1/photos/" + p.get("id").asLong() + "/original")
                        .cookie(w))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(originalBack).isEqualTo(shot);
        // someone takes the watermarked copy and stamps it again for another record
        long b = create(w, "HOME_ASSESSMENT", false, false).get("id").asLong();
        byte[] again =
                photo(TestImages.stamp(TestImages.read(stamped), "2026-06-01 08:00"), today().atTime(8, 0), LAT, LON);
        JsonNode dup = read(upload(w, b, again, "cam-copy-1")).get("photo");
        assertThat(dup.get("duplicateOfId").asLong()).isEqualTo(p.get("id").asLong());
    }

    @Test
    void differentPhotosOfTheSameRoomAreNotDuplicates() throws Exception {
        Cookie w = login("demo_worker");
        long a = create(w, "CARE_SERVICE", false, false).get("id").asLong();
        long room = 181;
        upload(
                w,
                a,
                photo(cn.sgz.activity.internal.DemoPhotos.scene(room, 1, 0, 960, 720), today().atTime(9, 0), LAT, LON),
                "room-1");
        long b = create(w, "CARE_SERVICE", false, false).get("id").asLong();
        JsonNode moved = read(upload(
                        w,
                        b,
                        photo(
                                cn.sgz.activity.internal.DemoPhotos.scene(room, 2, 0, 960, 720),
                                today().atTime(9, 5),
                                LAT,
                                LON),
                        "room-2"))
                .get("photo");
        assertThat(moved.get("duplicateOfId").isNull()).as("people moved").isTrue();
        JsonNode angle = read(upload(
                        w,
                        b,
                        photo(
                                cn.sgz.activity.internal.DemoPhotos.scene(room, 1, 0.15, 960, 720),
                                today().atTime(9, 6),
                                LAT,
                                LON),
                        "room-3"))
                .get("photo");
        assertThat(angle.get("duplicateOfId").isNull()).as("another angle").isTrue();
        assertThat(qualification(w, b).get("status").asText()).isEqualTo("COUNTS");
    }

    @Test
    void demoDataShowsCountsAndExclusionsWithReasons() throws Exception {
        JsonNode mine =
                read(mvc.perform(get("/api/v1/service-records?limit=500").cookie(login("demo_worker")))
                        .andReturn());
        List<String> reasons1 =
                mine.findValues("code").stream().map(JsonNode::asText).toList();
        assertThat(mine.findValues("qualification").stream().map(JsonNode::asText))
                .contains("COUNTS", "EXCLUDED");
        assertThat(reasons1).contains("NO_SIGN_IN");
        JsonNode other =
                read(mvc.perform(get("/api/v1/service-records?limit=500").cookie(login("demo_worker2")))
                        .andReturn());
        assertThat(other.findValues("code").stream().map(JsonNode::asText)).contains("DUPLICATE_PHOTO", "NO_RECEIPT");
        String page = mvc.perform(get("/records?mine=true").cookie(login("demo_worker")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("records-table");
    }

    /** The record list pages on the server, and its totals are those of the whole filtered list. */
    @Test
    void recordListPagesOnTheServerWithTotalsOfTheWholeList() throws Exception {
        Cookie bureau = login("demo_bureau");
        JsonNode totals = read(mvc.perform(get("/api/v1/service-records/totals").cookie(bureau))
                .andReturn());
        long total = totals.get("total").asLong();
        long counting = totals.get("counting").asLong();
        JsonNode all = read(mvc.perform(get("/api/v1/service-records?limit=500").cookie(bureau))
                .andReturn());
        assertThat(total).isEqualTo(all.size()).isGreaterThan(30);
        long countingRows = 0;
        for (JsonNode r : all) {
            if ("COUNTS".equals(r.get("qualification").asText())) {
                countingRows++;
            }
        }
        assertThat(counting).isEqualTo(countingRows);

        String first = mvc.perform(get("/records").cookie(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(first.split("data-record-id=").length - 1).isEqualTo(30);
        assertThat(first).contains("共 <b>" + total + "</b> 条，计入 <b>" + counting + "</b> 条");
        assertThat(first).contains("data-testid=\"next-page\"").doesNotContain("data-testid=\"prev-page\"");
        int pages = (int) ((total + 29) / 30);
        String last = mvc.perform(
                        get("/records").param("page", String.valueOf(pages - 1)).cookie(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(last.split("data-record-id=").length - 1).isEqualTo((int) (total - 30L * (pages - 1)));
        assertThat(last).contains("data-testid=\"prev-page\"").doesNotContain("data-testid=\"next-page\"");
        // a page past the end shows the last page rather than an empty list
        String beyond = mvc.perform(get("/records").param("page", "999").cookie(bureau))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(beyond.split("data-record-id=").length - 1).isEqualTo((int) (total - 30L * (pages - 1)));
    }
}
