package cn.sgz.feedback;

import static cn.sgz.org.DemoOrg.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.evidence.TestImages;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public surface end to end: a resident without an account sends a complaint with a photo, gets a
 * receipt number and query code, and sees only status and reply; no session is ever created for them;
 * rejected submissions (challenge, CSRF, rate limits) write nothing; the bureau of another county, the
 * station staff and the agency (until asked) cannot see the case.
 */
@SgzTest
class FeedbackPublicTest {

    // a random start: addresses (and so rate-limit counters) differ from run to run on a database that outlives one
    private static final AtomicInteger IP =
            new AtomicInteger(java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 60_000));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;
    DemoOrg demo;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        demo = DemoOrg.load(login);
    }

    private static String freshIp() {
        int n = IP.incrementAndGet();
        return "10." + (n / 62_500 % 250) + "." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    private static String freshPhone() {
        return "137" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String group(java.util.regex.Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find())
                .as("%s in %s", p, html.length() > 400 ? html.substring(0, 400) : html)
                .isTrue();
        return m.group(1);
    }

    private long caseId(String receipt) {
        return jdbc.sql("SELECT id FROM feedback_case WHERE receipt_no = ?")
                .param(receipt)
                .query(Long.class)
                .single();
    }

    private long version(long caseId) {
        return jdbc.sql("SELECT version FROM feedback_case WHERE id = ?")
                .param(caseId)
                .query(Long.class)
                .single();
    }

    record Sent(String receipt, String code, long id) {}

    private Sent complain(PublicFeedbackClient resident, String content, String phone, byte[]... photos)
            throws Exception {
        MockHttpServletResponse r = resident.submit(demo.s1.id(), "COMPLAINT", content, phone, true, null, photos);
        String html = PublicFeedbackClient.text(r);
        assertThat(r.getStatus()).as(html).isEqualTo(200);
        String receipt = group(PublicFeedbackClient.RECEIPT, html);
        return new Sent(receipt, group(PublicFeedbackClient.QUERY, html), caseId(receipt));
    }

    @Test
    void anonymousComplaintWithPhotoEndToEnd() throws Exception {
        PublicFeedbackClient resident = new PublicFeedbackClient(mvc, freshIp());
        String phone = freshPhone();
        long photosBefore = count("feedback_case_photo");
        String content = "活动室连续两周没有开门，门口也没有通知，老人白跑了好几趟。" + TestLogin.unique();
        byte[] photo = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(15), 0.9f),
                java.time.LocalDateTime.of(2026, 3, 1, 10, 0),
                40.6,
                109.8);
        Sent sent = complain(resident, content, phone, photo);
        assertThat(sent.receipt()).matches("FK\\d{8}-[A-Z0-9]{5}");
        assertThat(sent.code()).matches("\\d{8}");
        assertThat(count("feedback_case_photo")).isEqualTo(photosBefore + 1);
        Map<String, Object> row = jdbc.sql("SELECT * FROM feedback_case WHERE id = ?")
                .param(sent.id())
                .query()
                .singleRow();
        assertThat(row.get("phone")).isEqualTo(phone);
        assertThat(row.get("status")).isEqualTo("RECEIVED");
        assertThat((String) row.get("query_code_hash"))
                .doesNotContain(sent.code())
                .hasSize(64);
        // the stored photo is a re-encoded JPEG without the resident's GPS position
        String key = jdbc.sql("SELECT file_key FROM feedback_case_photo WHERE case_id = ?")
                .param(sent.id())
                .query(String.class)
                .single();
        assertThat(key).startsWith("feedback/").endsWith(".jpg");

        // the resident sees the status, nothing else
        String tracked = PublicFeedbackClient.text(resident.track(sent.receipt(), sent.code()));
        assertThat(tracked)
                .contains("已受理")
                .contains(sent.receipt())
                .contains(DemoOrg.STATION_1)
                .doesNotContain(content)
                .doesNotContain(phone)
                .doesNotContain(phone.substring(7))
                .doesNotContain("民政局答复");
        // a wrong code shows nothing of the case
        MockHttpServletResponse wrong =
                resident.track(sent.receipt(), "00000000".equals(sent.code()) ? "11111111" : "00000000");
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(PublicFeedbackClient.text(wrong)).contains("回执号或查询码不正确").doesNotContain("已受理");

        // the bureau sees it with the full phone and the photo, and replies
        String json = login.getJson("demo_bureau", "/api/v1/complaints/" + sent.id(), 200);
        assertThat((String) JsonPath.read(json, "$.phone")).isEqualTo(phone);
        assertThat(JsonPath.<List<Object>>read(json, "$.photoIds")).hasSize(1);
        long photoId = ((Number) JsonPath.<List<Object>>read(json, "$.photoIds").get(0)).longValue();
        MockHttpServletResponse img = mvc.perform(
                        get("/complaints/" + sent.id() + "/photos/" + photoId).cookie(login.login("demo_bureau")))
                .andReturn()
                .getResponse();
        assertThat(img.getStatus()).isEqualTo(200);
        assertThat(img.getContentType()).isEqualTo("image/jpeg");
        assertThat(new String(img.getContentAsByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Exif");

        // the city reads it with the phone masked
        String city = login.getJson("demo_city", "/api/v1/complaints/" + sent.id(), 200);
        assertThat((String) JsonPath.read(city, "$.phone"))
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(login.send(
                                "demo_city",
                                post("/api/v1/complaints/" + sent.id() + "/reply"),
                                "{\"reply\":\"市里不能答复\",\"version\":0}")
                        .getStatus())
                .isEqualTo(403);

        // stale version → 409, nothing changed
        assertThat(login.send(
                                "demo_bureau",
                                post("/api/v1/complaints/" + sent.id() + "/reply"),
                                "{\"reply\":\"过期版本的答复内容\",\"version\":" + (version(sent.id()) + 5) + "}")
                        .getStatus())
                .isEqualTo(409);
        MockHttpServletResponse replied = login.send(
                "demo_bureau",
                post("/api/v1/complaints/" + sent.id() + "/reply"),
                "{\"reply\":\"已核实，活动室自下周起周末正常开放。\",\"version\":" + version(sent.id()) + "}");
        assertThat(replied.getStatus()).as(replied.getContentAsString()).isEqualTo(200);

        String after = PublicFeedbackClient.text(resident.track(sent.receipt(), sent.code()));
        assertThat(after).contains("已答复").contains("已核实，活动室自下周起周末正常开放。").doesNotContain(phone);

        // a complaint must be followed up before it is closed
        MockHttpServletResponse early = login.send(
                "demo_bureau",
                post("/api/v1/complaints/" + sent.id() + "/close"),
                "{\"version\":" + version(sent.id()) + "}");
        assertThat(early.getStatus()).isEqualTo(400);
        assertThat(early.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("回访");
        login.send(
                "demo_bureau",
                post("/api/v1/complaints/" + sent.id() + "/follow-up"),
                "{\"satisfaction\":4,\"version\":" + version(sent.id()) + "}");
        assertThat(login.send(
                                "demo_bureau",
                                post("/api/v1/complaints/" + sent.id() + "/close"),
                                "{\"note\":\"已整改\",\"version\":" + version(sent.id()) + "}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(PublicFeedbackClient.text(resident.track(sent.receipt(), sent.code())))
                .contains("已办结");
        long audits = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE target_type = 'FEEDBACK_CASE' AND target_id = ?")
                .param(String.valueOf(sent.id()))
                .query(Long.class)
                .single();
        assertThat(audits).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anonymousVisitorsGetNoSession() throws Exception {
        long sessions = count("spring_session");
        long station = demo.s2.id();
        for (String url : List.of(
                "/feedback",
                "/feedback/s/" + station,
                "/feedback/s/" + station + "/new?kind=PRAISE",
                "/feedback/s/" + station + "/survey",
                "/feedback/track")) {
            MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(r.getStatus()).as(url).isEqualTo(200);
            assertThat(r.getCookie("SESSION")).as(url).isNull();
            assertThat(PublicFeedbackClient.text(r))
                    .as(url)
                    .doesNotContain("13904720")
                    .doesNotContain("李晓燕");
        }
        // the stylesheet of the public pages is served without a session too
        MockHttpServletResponse css =
                mvc.perform(get("/css/feedback.css")).andReturn().getResponse();
        assertThat(css.getStatus()).isEqualTo(200);
        assertThat(css.getCookie("SESSION")).isNull();
        PublicFeedbackClient resident = new PublicFeedbackClient(mvc, freshIp());
        MockHttpServletResponse sent = resident.submit(station, "PRAISE", "陈静社工很耐心，谢谢！", null, false, null);
        assertThat(sent.getStatus()).isEqualTo(200);
        assertThat(sent.getCookie("SESSION")).isNull();
        assertThat(count("spring_session")).isEqualTo(sessions);
        // unknown station: a plain 404, still no session
        MockHttpServletResponse missing =
                mvc.perform(get("/feedback/s/987654321")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(count("spring_session")).isEqualTo(sessions);
    }

    @Test
    void rejectedSubmissionsWriteNothing() throws Exception {
        PublicFeedbackClient resident = new PublicFeedbackClient(mvc, freshIp());
        long before = count("feedback_case");
        long counters = count("feedback_rate_counter");
        // wrong challenge answer
        MockHttpServletResponse wrong = resident.submit(demo.s1.id(), "SUGGESTION", "建议多开展亲子活动", null, false, "-1");
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(PublicFeedbackClient.text(wrong)).contains("验证题答案不正确");
        // complaint without phone
        MockHttpServletResponse noPhone = resident.submit(demo.s1.id(), "COMPLAINT", "社工服务态度不好", null, false, null);
        assertThat(PublicFeedbackClient.text(noPhone)).contains("投诉需要留下电话");
        // invalid phone, and phone without consent
        assertThat(PublicFeedbackClient.text(
                        resident.submit(demo.s1.id(), "COMPLAINT", "社工服务态度不好", "12345", true, null)))
                .contains("电话号码格式不正确");
        assertThat(PublicFeedbackClient.text(
                        resident.submit(demo.s1.id(), "COMPLAINT", "社工服务态度不好", freshPhone(), false, null)))
                .contains("请勾选同意");
        // not a photo
        MockHttpServletResponse notPhoto = resident.submit(
                demo.s1.id(),
                "SUGGESTION",
                "建议多开展亲子活动",
                null,
                false,
                null,
                "这不是图片".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(PublicFeedbackClient.text(notPhoto)).contains("不是照片");
        // no CSRF token: refused before the controller
        PublicFeedbackClient.OpenForm form = resident.open("/feedback/s/" + demo.s1.id() + "/new");
        MockHttpServletResponse noCsrf = mvc.perform(multipart("/feedback/s/" + demo.s1.id() + "/new")
                        .param("kind", "SUGGESTION")
                        .param("content", "没有令牌的提交内容")
                        .param("challengeToken", form.token())
                        .param("challengeAnswer", form.answer()))
                .andReturn()
                .getResponse();
        assertThat(noCsrf.getStatus()).isEqualTo(403);
        assertThat(PublicFeedbackClient.text(noCsrf)).contains("页面已过期");
        assertThat(count("feedback_case")).isEqualTo(before);
        assertThat(count("feedback_rate_counter")).isEqualTo(counters);
    }

    @Test
    void rateLimitsPerIpAndPerPhone() throws Exception {
        PublicFeedbackClient resident = new PublicFeedbackClient(mvc, freshIp());
        for (int i = 0; i < 5; i++) {
            assertThat(resident.submit(demo.s3.id(), "SUGGESTION", "第" + i + "条建议：希望增加活动", null, false, null)
                            .getStatus())
                    .isEqualTo(200);
        }
        long before = count("feedback_case");
        MockHttpServletResponse limited =
                resident.submit(demo.s3.id(), "SUGGESTION", "第六条建议：希望增加活动", null, false, null);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(PublicFeedbackClient.text(limited)).contains("提交太频繁：同一网络每小时最多提交 5 次");
        assertThat(count("feedback_case")).isEqualTo(before);

        String phone = freshPhone();
        for (int i = 0; i < 3; i++) {
            complain(new PublicFeedbackClient(mvc, freshIp()), "第" + i + "次投诉：上门服务没有来", phone);
        }
        long before2 = count("feedback_case");
        MockHttpServletResponse phoneLimited = new PublicFeedbackClient(mvc, freshIp())
                .submit(demo.s1.id(), "COMPLAINT", "第四次投诉：上门服务没有来", phone, true, null);
        assertThat(phoneLimited.getStatus()).isEqualTo(429);
        assertThat(PublicFeedbackClient.text(phoneLimited)).contains("同一手机号每天最多提交 3 次");
        assertThat(count("feedback_case")).isEqualTo(before2);
    }

    @Test
    void otherCountyStationStaffAndAgencySeeOnlyWhatTheyMay() throws Exception {
        Sent sent = complain(new PublicFeedbackClient(mvc, freshIp()), "社工入户时态度生硬，没有说明来意。", freshPhone());
        // another county's bureau
        String tag = TestLogin.unique();
        long county = id(login.createUnit("demo_city", demo.city.id(), "COUNTY_BUREAU", "反馈外区民政局" + tag));
        String officer = "fb_bureau_" + tag;
        String password = "Fb-county-" + tag + "-pw";
        login.createUser("demo_city", officer, password, "BUREAU_OFFICER", county, null);
        String foreign = login.issueToken(login.login(officer, password), "fb");
        assertThat(login.getJson(foreign, "/api/v1/complaints/" + sent.id(), 404))
                .doesNotContain(sent.receipt());
        assertThat(login.getJson(foreign, "/api/v1/complaints", 200)).doesNotContain(sent.receipt());
        assertThat(login.send(
                                foreign,
                                post("/api/v1/complaints/" + sent.id() + "/reply"),
                                "{\"reply\":\"越权答复的内容\",\"version\":0}")
                        .getStatus())
                .isEqualTo(404);
        // station staff see no cases at all
        for (String user : List.of("demo_worker", "demo_head")) {
            login.getJson(user, "/api/v1/complaints/" + sent.id(), 404);
            assertThat(login.getJson(user, "/api/v1/complaints", 200)).isEqualTo("[]");
        }
        // the agency: nothing until asked, then this case only, phone masked, may explain but not reply
        login.getJson("demo_agency", "/api/v1/complaints/" + sent.id(), 404);
        assertThat(login.getJson("demo_agency", "/api/v1/complaints", 200)).doesNotContain(sent.receipt());
        MockHttpServletResponse asked = login.send(
                "demo_bureau",
                post("/api/v1/complaints/" + sent.id() + "/explanation-request"),
                "{\"request\":\"请说明入户时的情况\",\"version\":" + version(sent.id()) + "}");
        assertThat(asked.getStatus()).as(asked.getContentAsString()).isEqualTo(200);
        String seen = login.getJson("demo_agency", "/api/v1/complaints/" + sent.id(), 200);
        assertThat((String) JsonPath.read(seen, "$.phone")).contains("****");
        assertThat((Boolean) JsonPath.read(seen, "$.canExplain")).isTrue();
        List<String> receipts =
                JsonPath.read(login.getJson("demo_agency", "/api/v1/complaints", 200), "$[*].receiptNo");
        assertThat(receipts).contains(sent.receipt());
        List<Object> requested = JsonPath.read(
                login.getJson("demo_agency", "/api/v1/complaints", 200), "$[?(@.explanationRequestedAt == null)]");
        assertThat(requested).isEmpty();
        assertThat(login.send(
                                "demo_agency",
                                post("/api/v1/complaints/" + sent.id() + "/reply"),
                                "{\"reply\":\"机构自己答复的内容\",\"version\":" + version(sent.id()) + "}")
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse explained = login.send(
                "demo_agency",
                post("/api/v1/complaints/" + sent.id() + "/explanation"),
                "{\"explanation\":\"已约谈当事社工，今后入户先出示工作证并说明来意。\",\"version\":" + version(sent.id()) + "}");
        assertThat(explained.getStatus()).as(explained.getContentAsString()).isEqualTo(200);
        assertThat(login.getJson("demo_bureau", "/api/v1/complaints/" + sent.id(), 200))
                .contains("已约谈当事社工");
    }

    @Test
    void questionnaireAndDemoResultsFlowIntoStationSatisfaction() throws Exception {
        String url =
                "/api/v1/satisfaction/stations?stationIds=" + demo.s1.id() + "," + demo.s2.id() + "," + demo.s3.id();
        String before = login.getJson("demo_bureau", url, 200);
        int s3Before = JsonPath.<Integer>read(before, "$[2].responses");
        assertThat(JsonPath.<Integer>read(before, "$[0].responses")).isGreaterThanOrEqualTo(15);
        assertThat(JsonPath.<Integer>read(before, "$[1].responses")).isGreaterThanOrEqualTo(15);

        PublicFeedbackClient resident = new PublicFeedbackClient(mvc, freshIp());
        PublicFeedbackClient.OpenForm form = resident.open("/feedback/s/" + demo.s3.id() + "/survey");
        var req = post("/feedback/s/" + demo.s3.id() + "/survey")
                .param("_csrf", form.csrf())
                .cookie(form.csrfCookie())
                .param("challengeToken", form.token())
                .param("challengeAnswer", form.answer());
        for (int i = 1; i <= 5; i++) {
            req.param("q" + i, i == 5 ? "3" : "5");
        }
        MockHttpServletResponse r = mvc.perform(req).andReturn().getResponse();
        assertThat(r.getStatus()).as(PublicFeedbackClient.text(r)).isEqualTo(200);
        assertThat(PublicFeedbackClient.text(r)).contains("感谢您的评价");
        String after = login.getJson("demo_bureau", url, 200);
        assertThat(JsonPath.<Integer>read(after, "$[2].responses")).isEqualTo(s3Before + 1);
        // another county sees nothing of 九原区's stations
        assertThat(login.getJson("demo_worker2", "/api/v1/satisfaction/stations?stationIds=" + demo.s1.id(), 200))
                .contains("\"responses\":0");
    }

    @Test
    void posterQrCodeLeadsToTheStationPage() throws Exception {
        MockHttpServletResponse png = mvc.perform(
                        get("/posters/qr.png?stationId=" + demo.s1.id()).cookie(login.login("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(png.getStatus()).isEqualTo(200);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray()));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        String text = new QRCodeReader()
                .decode(new BinaryBitmap(
                        new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels))))
                .getText();
        assertThat(text).endsWith("/feedback/s/" + demo.s1.id());
        // a foreign station's poster is not found for a worker of station 1
        assertThat(mvc.perform(get("/posters/qr.png?stationId=" + demo.s2.id()).cookie(login.login("demo_worker")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        MockHttpServletResponse poster = mvc.perform(
                        get("/posters/stations/" + demo.s1.id()).cookie(login.login("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(PublicFeedbackClient.text(poster))
                .contains(DemoOrg.STATION_1)
                .contains("0472-7150000");
    }
}
