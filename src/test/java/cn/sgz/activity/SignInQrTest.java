package cn.sgz.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.ApiAnswer;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 扫码签到: a worker opens a QR session on a record; residents sign in on the public page without an account;
 * each sign-in is a line of the record's sign-in sheet (source QR). Expiry, closing (410), unknown tokens (404),
 * duplicates, phone validation, the rate limit and what the public page does not show.
 */
@SgzTest
class SignInQrTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    Cookie login(String user) throws Exception {
        return new TestLogin(mvc).login(user);
    }

    JsonNode call(MvcResult r, int status) throws Exception {
        return ApiAnswer.expect(r, status);
    }

    long stationOf(Cookie s) throws Exception {
        for (JsonNode u : call(mvc.perform(get("/api/v1/org-units").cookie(s)).andReturn(), 200)) {
            if ("STATION".equals(u.get("type").asText())) {
                return u.get("id").asLong();
            }
        }
        throw new AssertionError("no station");
    }

    long record(Cookie s, String title, LocalDate date) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitId", stationOf(s));
        body.put("kind", "COMMUNITY_SERVICE");
        body.put("title", title);
        body.put("serviceDate", date.toString());
        body.put("indoor", true);
        body.put("distributesGoods", false);
        body.put("place", "幸福里社区活动室");
        body.put("participants", List.of(Map.of("name", "王大爷")));
        return call(
                        mvc.perform(post("/api/v1/service-records")
                                        .cookie(s)
                                        .with(csrf())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(json.writeValueAsString(body)))
                                .andReturn(),
                        201)
                .get("id")
                .asLong();
    }

    JsonNode open(Cookie s, long record, int status) throws Exception {
        return call(
                mvc.perform(post("/api/v1/service-records/" + record + "/sign-in-qr")
                                .cookie(s)
                                .with(csrf()))
                        .andReturn(),
                status);
    }

    JsonNode close(Cookie s, long record, Long version, int status) throws Exception {
        return call(
                mvc.perform(post("/api/v1/service-records/" + record + "/sign-in-qr/close")
                                .cookie(s)
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(
                                        version == null ? Map.of() : Map.of("version", version))))
                        .andReturn(),
                status);
    }

    static String path(JsonNode session) {
        String url = session.get("url").asText();
        return url.substring(url.indexOf("/s/"));
    }

    MockHttpServletResponse signIn(String path, String name, String phone, boolean family, String ip) throws Exception {
        var req = post(path).with(csrf()).param("name", name).param("phone", phone);
        if (family) {
            req = req.param("forFamily", "true");
        }
        return mvc.perform(req.with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                }))
                .andReturn()
                .getResponse();
    }

    List<JsonNode> sheet(Cookie s, long record) throws Exception {
        List<JsonNode> rows = new java.util.ArrayList<>();
        call(
                        mvc.perform(get("/api/v1/service-records/" + record + "/sign-ins")
                                        .cookie(s))
                                .andReturn(),
                        200)
                .forEach(rows::add);
        return rows;
    }

    @Test
    void residentsSignThemselvesInOnTheRecordsSheetUntilTheWorkerClosesIt() throws Exception {
        Cookie worker = login("demo_worker");
        long id = record(worker, "冬季防滑安全讲座", ChinaTime.today());

        JsonNode s = open(worker, id, 201);
        assertThat(s.get("open").asBoolean()).isTrue();
        // expires at the end of the day after the service day
        assertThat(OffsetDateTime.parse(s.get("expiresAt").asText()).toInstant())
                .isEqualTo(ChinaTime.today()
                        .plusDays(2)
                        .atStartOfDay(ChinaTime.ZONE)
                        .toInstant());
        String link = path(s);
        assertThat(link.substring(3)).hasSize(22).matches("[A-Za-z0-9_-]+");
        // opening again answers the same session
        assertThat(path(open(worker, id, 201))).isEqualTo(link);
        assertThat(call(
                                mvc.perform(get("/api/v1/service-records/" + id + "/sign-in-qr")
                                                .cookie(worker))
                                        .andReturn(),
                                200)
                        .get("url")
                        .asText())
                .endsWith(link);
        MvcResult png =
                mvc.perform(get("/records/" + id + "/qr.png").cookie(worker)).andReturn();
        assertThat(png.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(png.getResponse().getContentAsByteArray()).hasSizeGreaterThan(100);

        // the public page: title, date, station; no session
        MvcResult page = mvc.perform(get(link)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("冬季防滑安全讲座").contains("社工站");
        assertThat(page.getResponse().getCookie("SESSION")).isNull();

        // bad input names the field; nothing is written
        MockHttpServletResponse bad = signIn(link, "张秀英", "12345", false, "10.1.0.1");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("id=\"phone-error\"").contains("电话号码格式不正确");
        MockHttpServletResponse noName = signIn(link, " ", "13904720001", false, "10.1.0.1");
        assertThat(noName.getStatus()).isEqualTo(400);
        assertThat(noName.getContentAsString()).contains("id=\"name-error\"").contains("请填写您的姓名");
        assertThat(sheet(worker, id)).isEmpty();

        // a resident signs in; a repeat with the same phone answers 已签到 and adds nothing
        MockHttpServletResponse ok = signIn(link, "张秀英", "139 0472 0001", false, "10.1.0.1");
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsString()).contains("签到成功").contains("张秀英");
        MockHttpServletResponse again = signIn(link, "张秀", "13904720001", false, "10.1.0.2");
        assertThat(again.getContentAsString()).contains("已签到").contains("id=\"already\"");
        // a landline works; a family member without a phone is signed with the signer's phone
        assertThat(signIn(link, "刘桂兰", "0472-5123456", false, "10.1.0.1").getStatus())
                .isEqualTo(200);
        assertThat(signIn(link, "张老汉", "13904720001", true, "10.1.0.1").getContentAsString())
                .contains("签到成功");
        assertThat(signIn(link, "张老汉", "13904720001", true, "10.1.0.1").getContentAsString())
                .contains("已签到");

        List<JsonNode> lines = sheet(worker, id);
        assertThat(lines).extracting(l -> l.get("name").asText()).containsExactly("张秀英", "刘桂兰", "张老汉");
        assertThat(lines).allSatisfy(l -> assertThat(l.get("source").asText()).isEqualTo("QR"));
        assertThat(lines.get(0).get("phone").asText()).isEqualTo("13904720001");
        assertThat(lines.get(2).get("proxy").asBoolean()).isTrue();
        assertThat(lines.get(0).get("createdAt").asText()).isNotBlank();
        // the worker still adds people by hand, on the same sheet
        call(
                mvc.perform(post("/api/v1/service-records/" + id + "/sign-ins")
                                .cookie(worker)
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"赵大妈\",\"phone\":\"13904720009\"}"))
                        .andReturn(),
                201);
        assertThat(sheet(worker, id))
                .hasSize(4)
                .last()
                .satisfies(l -> assertThat(l.get("source").asText()).isEqualTo("MANUAL"));
        // the worker's live list and the record page show the scanned lines
        assertThat(mvc.perform(get("/records/" + id + "/qr/list").cookie(worker))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("张秀英")
                .contains("扫码");
        assertThat(mvc.perform(get("/records/" + id).cookie(worker))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-testid=\"scanned-tag\"")
                .contains("id=\"sign-in-qr\"");

        // the public page never shows who else signed in, their phones, the participants or the place
        String after = mvc.perform(get(link)).andReturn().getResponse().getContentAsString();
        assertThat(after)
                .doesNotContain("张秀英")
                .doesNotContain("刘桂兰")
                .doesNotContain("0001")
                .doesNotContain("王大爷")
                .doesNotContain("幸福里社区活动室")
                .doesNotContain("demo_worker");

        // audited; the bureau officer may not open one; another station's worker does not see the record
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_QR_ENTRY' AND target_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_QR_OPEN' AND target_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(open(login("demo_bureau"), id, 403).get("message").asText()).contains("不能开启");
        open(login("demo_worker2"), id, 404);

        // closing needs the version read (409 when stale); afterwards the link answers 410 in Chinese
        long version = s.get("version").asLong();
        assertThat(close(worker, id, null, 400).toString()).contains("version");
        close(worker, id, version + 5, 409);
        JsonNode closed = close(worker, id, version, 200);
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("url").isNull()).isTrue();
        MockHttpServletResponse gone = mvc.perform(get(link)).andReturn().getResponse();
        assertThat(gone.getStatus()).isEqualTo(410);
        assertThat(gone.getContentAsString()).contains("已由社工关闭");
        MockHttpServletResponse lateSignIn = signIn(link, "孙阿姨", "13904720002", false, "10.1.0.1");
        assertThat(lateSignIn.getStatus()).isEqualTo(410);
        assertThat(sheet(worker, id)).hasSize(4);
        MockHttpServletResponse unknown =
                mvc.perform(get("/s/AAAAAAAAAAAAAAAAAAAAAA")).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("签到码无效");

        // a new session has a new token; once its time is up (simulated) the link answers 410 too
        JsonNode second = open(worker, id, 201);
        assertThat(path(second)).isNotEqualTo(link);
        jdbc.sql("UPDATE sign_in_qr_session SET expires_at = ? WHERE id = ?")
                .params(ChinaTime.offsetNow().minusMinutes(1), second.get("id").asLong())
                .update();
        MockHttpServletResponse expired =
                mvc.perform(get(path(second))).andReturn().getResponse();
        assertThat(expired.getStatus()).isEqualTo(410);
        assertThat(expired.getContentAsString()).contains("已过期");
        assertThat(call(
                                mvc.perform(get("/api/v1/service-records/" + id + "/sign-in-qr")
                                                .cookie(worker))
                                        .andReturn(),
                                200)
                        .get("open")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aRecordWhoseDayIsLongPastCannotOpenOne() throws Exception {
        Cookie worker = login("demo_worker");
        long old = record(worker, "上周的议事会", ChinaTime.today().minusDays(2));
        JsonNode e = open(worker, old, 400);
        assertThat(e.toString()).contains("serviceDate").contains("不能再开启扫码签到");
        long yesterday = record(worker, "昨天的讲座", ChinaTime.today().minusDays(1));
        JsonNode s = open(worker, yesterday, 201);
        assertThat(OffsetDateTime.parse(s.get("expiresAt").asText()).toInstant())
                .isEqualTo(ChinaTime.today()
                        .plusDays(1)
                        .atStartOfDay(ChinaTime.ZONE)
                        .toInstant());
    }

    @Test
    void oneNetworkIsLimitedPerHourAndARejectedSignInWritesNothing() throws Exception {
        Cookie worker = login("demo_worker");
        long id = record(worker, "社区健康义诊", ChinaTime.today());
        String link = path(open(worker, id, 201));
        for (int i = 0; i < 60; i++) {
            MockHttpServletResponse r = signIn(link, "居民" + i, String.format("1370472%04d", i), false, "10.9.9.9");
            assertThat(r.getStatus()).as("sign-in %d", i).isEqualTo(200);
        }
        MockHttpServletResponse limited = signIn(link, "居民X", "13704729999", false, "10.9.9.9");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentAsString()).contains("提交太频繁");
        assertThat(sheet(worker, id)).hasSize(60);
        // another network is not affected
        assertThat(signIn(link, "居民X", "13704729999", false, "10.9.9.10").getStatus())
                .isEqualTo(200);
        assertThat(sheet(worker, id)).hasSize(61);
    }

    /** The record page's own forms (no JavaScript): each says whom it added, or why not, and goes back to its list. */
    @Test
    void theRecordPageFormsSayWhomTheyAddedOrWhyNot() throws Exception {
        Cookie worker = login("demo_worker");
        long id = record(worker, "表单添加签到与领取", ChinaTime.today());
        var signIn = mvc.perform(post("/records/" + id + "/sign-ins")
                        .cookie(worker)
                        .with(csrf())
                        .param("name", "赵秀英")
                        .param("phone", "13912345678"))
                .andReturn();
        assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/records/" + id + "#sign-ins");
        assertThat(signIn.getFlashMap().get("notice")).isEqualTo("已添加签到人员 赵秀英");
        var badPhone = mvc.perform(post("/records/" + id + "/sign-ins")
                        .cookie(worker)
                        .with(csrf())
                        .param("name", "钱桂兰")
                        .param("phone", "12345"))
                .andReturn();
        assertThat(badPhone.getFlashMap().get("notice")).isNull();
        assertThat((String) badPhone.getFlashMap().get("error")).contains("手机");
        var receipt = mvc.perform(post("/records/" + id + "/receipts")
                        .cookie(worker)
                        .with(csrf())
                        .param("name", "孙建国")
                        .param("item", "棉被")
                        .param("quantity", "1床")
                        .param("phone", "13812345678"))
                .andReturn();
        assertThat(receipt.getResponse().getRedirectedUrl()).isEqualTo("/records/" + id + "#receipts");
        assertThat(receipt.getFlashMap().get("notice")).isEqualTo("已添加领取记录 孙建国");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_entry WHERE record_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("the refused line is not stored")
                .isEqualTo(1L);
    }
}
