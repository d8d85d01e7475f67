package cn.sgz.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.org.ApiAnswer;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 重复照片申诉 through the API: what the owner of a copy learns of the earlier photo (thumbnail, date, station — not
 * the earlier record), scope (404), roles (403), Chinese field errors, one contest per finding (409), the bureau's
 * decision with optimistic locking (409 on a stale version), and what an upheld contest does: the record counts
 * again, the compliance snapshot goes stale, the decision is audited.
 */
@SgzTest
class DuplicateContestApiTest {

    static final String PASSWORD = "sgz-demo-2026!";
    /** Between the two demo stations: within 5 km of both, so only the duplicate finding keeps a record out. */
    static final double LAT = 40.6180;

    static final double LON = 109.9481;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    static long seed = 90_000 + System.nanoTime() % 10_000;

    Cookie login(String user) throws Exception {
        MvcResult r =
                mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).doesNotContain("error");
        return r.getResponse().getCookie("SESSION");
    }

    JsonNode call(MvcResult r, int status) throws Exception {
        return ApiAnswer.expect(r, status);
    }

    JsonNode station(Cookie s) throws Exception {
        for (JsonNode u : call(mvc.perform(get("/api/v1/org-units").cookie(s)).andReturn(), 200)) {
            if ("STATION".equals(u.get("type").asText())) {
                return u;
            }
        }
        throw new AssertionError("no station");
    }

    long record(Cookie s, String title, String content) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitId", station(s).get("id").asLong());
        body.put("kind", "FOLLOW_UP_VISIT");
        body.put("title", title);
        body.put("content", content);
        body.put("serviceDate", ChinaTime.today().toString());
        body.put("indoor", false);
        body.put("distributesGoods", false);
        body.put("participants", List.of(Map.of("name", "郝秀珍")));
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

    JsonNode upload(Cookie s, long record, byte[] jpeg) throws Exception {
        return call(
                        mvc.perform(put("/api/v1/service-records/" + record + "/photos/c-" + System.nanoTime())
                                        .cookie(s)
                                        .with(csrf())
                                        .contentType(MediaType.IMAGE_JPEG)
                                        .content(jpeg))
                                .andReturn(),
                        201)
                .get("photo");
    }

    static byte[] freshPhoto() {
        return TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed++), 0.9f),
                ChinaTime.today().atTime(10, 0),
                LAT,
                LON);
    }

    JsonNode qualification(Cookie s, long id) throws Exception {
        return call(
                mvc.perform(get("/api/v1/service-records/" + id + "/qualification")
                                .cookie(s))
                        .andReturn(),
                200);
    }

    static List<String> codes(JsonNode q) {
        List<String> out = new ArrayList<>();
        q.get("reasons").forEach(r -> out.add(r.get("code").asText()));
        return out;
    }

    MvcResult contest(Cookie s, long photoId, String reason) throws Exception {
        return mvc.perform(post("/api/v1/photos/" + photoId + "/contest")
                        .cookie(s)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(reason == null ? Map.of() : Map.of("reason", reason))))
                .andReturn();
    }

    MvcResult decide(Cookie s, long contestId, String decision, String reason, Long version) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("reason", reason);
        body.put("version", version);
        return mvc.perform(post("/api/v1/photo-contests/" + contestId + "/decision")
                        .cookie(s)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn();
    }

    /** The to-do line of a record that does not count, from the worker's {@code /api/v1/me/todo}. */
    JsonNode todoItemOf(Cookie worker, long recordId) throws Exception {
        JsonNode todo =
                call(mvc.perform(get("/api/v1/me/todo?lines=50").cookie(worker)).andReturn(), 200);
        for (JsonNode g : todo.get("groups")) {
            if (!"RECORDS".equals(g.get("key").asText())) {
                continue;
            }
            for (JsonNode item : g.get("items")) {
                if (item.get("href").asText().startsWith("/records/" + recordId + "/")
                        || item.get("href").asText().startsWith("/records/" + recordId + "#")) {
                    return item;
                }
            }
        }
        throw new AssertionError("record " + recordId + " is not on the to-do list: " + todo);
    }

    /** Station 1 takes a photo; station 2 stores the same file: the copy, flagged. */
    record Pair(long originalRecord, long originalPhoto, long copyRecord, long copyPhoto, String originalTitle) {}

    Pair pair(Cookie w, Cookie w2) throws Exception {
        String title = "原记录标题" + System.nanoTime();
        long a = record(w, title, "原记录的服务内容：为郝秀珍老人测量血压");
        byte[] jpeg = freshPhoto();
        JsonNode original = upload(w, a, jpeg);
        assertThat(original.get("duplicateOfId").isNull()).isTrue();
        long b = record(w2, "复用照片的记录" + System.nanoTime(), "走访");
        JsonNode copy = upload(w2, b, jpeg);
        assertThat(copy.get("duplicateOfId").asLong())
                .isEqualTo(original.get("id").asLong());
        // the copying station's answer names the earlier photo, never the other station's record
        assertThat(copy.has("duplicateOfOwnerId")).isFalse();
        return new Pair(a, original.get("id").asLong(), b, copy.get("id").asLong(), title);
    }

    @Test
    void theWorkerOfTheCopySeesTheEarlierPhotosThumbnailDateAndStationButNothingOfItsRecord() throws Exception {
        Cookie w = login("demo_worker");
        Cookie w2 = login("demo_worker2");
        Cookie bureau = login("demo_bureau");
        Pair p = pair(w, w2);

        MvcResult r = mvc.perform(
                        get("/api/v1/photos/" + p.copyPhoto() + "/earlier").cookie(w2))
                .andReturn();
        JsonNode e = call(r, 200);
        assertThat(e.get("earlierPhotoId").asLong()).isEqualTo(p.originalPhoto());
        assertThat(e.get("stationName").asText())
                .isEqualTo(station(w).get("name").asText());
        assertThat(e.get("sameStation").asBoolean()).isFalse();
        assertThat(e.get("date").asText()).isEqualTo(ChinaTime.today().toString());
        assertThat(e.get("dateSource").asText()).isEqualTo("拍摄");
        assertThat(e.get("earlierOwnerId").isNull())
                .as("the other station's record is not named")
                .isTrue();
        assertThat(e.get("canContest").asBoolean()).isTrue();
        assertThat(e.get("canDecide").asBoolean()).isFalse();
        String body = r.getResponse().getContentAsString();
        assertThat(body).doesNotContain(p.originalTitle()).doesNotContain("郝秀珍").doesNotContain("测量血压");

        // the thumbnail is the earlier photo's, served because the caller owns the copy ...
        byte[] viaCopy = mvc.perform(get(e.get("thumbUrl").asText()).cookie(w2))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        MvcResult direct = mvc.perform(
                        get("/api/v1/photos/" + p.originalPhoto() + "/thumb").cookie(bureau))
                .andReturn();
        assertThat(direct.getResponse().getStatus()).isEqualTo(200);
        assertThat(viaCopy).isNotEmpty().isEqualTo(direct.getResponse().getContentAsByteArray());
        assertThat(mvc.perform(get("/api/v1/photos/" + p.copyPhoto() + "/earlier-thumb")
                                .cookie(w2))
                        .andReturn()
                        .getResponse()
                        .getContentType())
                .isEqualTo("image/jpeg");
        // ... and nothing else of the earlier photo or its record
        call(
                mvc.perform(get("/api/v1/photos/" + p.originalPhoto() + "/thumb")
                                .cookie(w2))
                        .andReturn(),
                404);
        call(mvc.perform(get("/api/v1/photos/" + p.originalPhoto()).cookie(w2)).andReturn(), 404);
        call(
                mvc.perform(get("/api/v1/photos/" + p.originalPhoto() + "/earlier")
                                .cookie(w2))
                        .andReturn(),
                404);
        call(
                mvc.perform(get("/api/v1/service-records/" + p.originalRecord()).cookie(w2))
                        .andReturn(),
                404);
        // a photo that copies nothing gives no "earlier" thumbnail (the endpoint is no way round the scope)
        long own = record(w2, "本站另一条记录" + System.nanoTime(), "走访");
        long ownPhoto = upload(w2, own, freshPhoto()).get("id").asLong();
        call(
                mvc.perform(get("/api/v1/photos/" + ownPhoto + "/earlier-thumb").cookie(w2))
                        .andReturn(),
                404);
        call(
                mvc.perform(get("/api/v1/photos/" + ownPhoto + "/earlier").cookie(w2))
                        .andReturn(),
                404);
        // the worker of the earlier photo's station does not own the copy: 404 for both
        call(
                mvc.perform(get("/api/v1/photos/" + p.copyPhoto() + "/earlier").cookie(w))
                        .andReturn(),
                404);
        call(
                mvc.perform(get("/api/v1/photos/" + p.copyPhoto() + "/earlier-thumb")
                                .cookie(w))
                        .andReturn(),
                404);

        // the county officer sees both stations: the earlier record is named, to open both
        JsonNode b = call(
                mvc.perform(get("/api/v1/photos/" + p.copyPhoto() + "/earlier").cookie(bureau))
                        .andReturn(),
                200);
        assertThat(b.get("earlierOwnerType").asText()).isEqualTo("SERVICE_RECORD");
        assertThat(b.get("earlierOwnerId").asLong()).isEqualTo(p.originalRecord());
        assertThat(b.get("canContest").asBoolean()).isFalse();

        // the record page of the copy shows the summary, without a link into the other station's record
        String html = mvc.perform(get("/records/" + p.copyRecord()).cookie(w2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("data-testid=\"earlier-photo\"")
                .contains("/photos/" + p.copyPhoto() + "/earlier-thumb")
                .contains(station(w).get("name").asText())
                .contains("data-testid=\"contest-form\"")
                .doesNotContain("/records/" + p.originalRecord() + "#photo-");
    }

    @Test
    void aContestNeedsAReasonIsFiledOnceAndAnUpheldDecisionMakesTheRecordCountAgain() throws Exception {
        Cookie w = login("demo_worker");
        Cookie w2 = login("demo_worker2");
        Cookie bureau = login("demo_bureau");
        Pair p = pair(w, w2);
        assertThat(codes(qualification(w2, p.copyRecord()))).containsExactly("DUPLICATE_PHOTO");
        assertThat(todoItemOf(w2, p.copyRecord()).get("tag").asText()).isEqualTo("不计入");

        // Chinese field error on an empty reason; nothing is stored
        JsonNode err = call(contest(w2, p.copyPhoto(), "   "), 400);
        assertThat(err.get("message").asText()).contains("请填写申诉理由");
        assertThat(err.toString()).contains("\"reason\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_duplicate_contest WHERE photo_id = ?")
                        .param(p.copyPhoto())
                        .query(Long.class)
                        .single())
                .isZero();
        call(contest(w, p.copyPhoto(), "不是我们站的照片"), 404); // out of scope
        call(contest(bureau, p.copyPhoto(), "民政局替社工申诉"), 403); // the bureau decides, it does not file
        call(contest(w2, p.originalPhoto(), "原图"), 404);

        JsonNode c = call(contest(w2, p.copyPhoto(), "两次在同一宣传栏前拍摄，内容已更换"), 201);
        assertThat(c.get("status").asText()).isEqualTo("PENDING");
        assertThat(c.get("statusLabel").asText()).isEqualTo("待区县民政局裁定");
        assertThat(c.get("stationName").asText())
                .isEqualTo(station(w2).get("name").asText());
        long id = c.get("id").asLong();
        call(contest(w2, p.copyPhoto(), "再申诉一次"), 409);
        // pending: the photo is still a duplicate
        assertThat(codes(qualification(w2, p.copyRecord()))).containsExactly("DUPLICATE_PHOTO");
        // ... and the worker's to-do list says it waits for the bureau instead of asking for another photo
        JsonNode todoItem = todoItemOf(w2, p.copyRecord());
        assertThat(todoItem.get("tag").asText()).isEqualTo("申诉中");
        assertThat(todoItem.get("tone").asText()).isEqualTo("warn");
        assertThat(todoItem.get("action").asText()).isEqualTo("查看申诉");

        // listing in scope: station 2 and the bureau see it, station 1 does not; 404 for the single read
        assertThat(ids(call(
                        mvc.perform(get("/api/v1/photo-contests").cookie(w2)).andReturn(), 200)))
                .contains(id);
        assertThat(ids(call(
                        mvc.perform(get("/api/v1/photo-contests?status=PENDING").cookie(bureau))
                                .andReturn(),
                        200)))
                .contains(id);
        assertThat(ids(call(mvc.perform(get("/api/v1/photo-contests").cookie(w)).andReturn(), 200)))
                .doesNotContain(id);
        call(mvc.perform(get("/api/v1/photo-contests/" + id).cookie(w)).andReturn(), 404);
        call(decide(w, id, "UPHELD", "越权", 0L), 404);
        call(decide(w2, id, "UPHELD", "自己裁定", 0L), 403);

        // the bureau: field errors, then a stale version, then the decision
        JsonNode bad = call(decide(bureau, id, null, " ", 0L), 400);
        assertThat(bad.toString()).contains("请选择裁定结果").contains("请填写裁定理由");
        call(decide(bureau, id, "UPHELD", "核实为两次拍摄", 5L), 409);

        // a stale compliance snapshot must follow: make sure there is one, mark it fresh
        mvc.perform(get("/").cookie(bureau)).andReturn();
        jdbc.sql("UPDATE compliance_snapshot SET stale_since = NULL").update();
        long rows = jdbc.sql("SELECT COUNT(*) FROM compliance_snapshot")
                .query(Long.class)
                .single();

        JsonNode done = call(decide(bureau, id, "UPHELD", "核实为两次拍摄，照片内容不同", 0L), 200);
        assertThat(done.get("status").asText()).isEqualTo("UPHELD");
        assertThat(done.get("decisionReason").asText()).isEqualTo("核实为两次拍摄，照片内容不同");
        assertThat(done.get("decidedBy").asText()).isEqualTo("demo_bureau");
        assertThat(done.get("version").asLong()).isEqualTo(1);
        call(decide(bureau, id, "REJECTED", "改判", 1L), 409); // decided once

        // the record counts again; the earlier record no longer lists it as a reuse; the summary shows the decision
        JsonNode q = qualification(w2, p.copyRecord());
        assertThat(codes(q)).isEmpty();
        assertThat(q.get("status").asText()).isEqualTo("COUNTS");
        JsonNode photo = call(
                mvc.perform(get("/api/v1/photos/" + p.copyPhoto()).cookie(w2)).andReturn(), 200);
        assertThat(photo.get("duplicateContest").asText()).isEqualTo("UPHELD");
        JsonNode e = call(
                mvc.perform(get("/api/v1/photos/" + p.copyPhoto() + "/earlier").cookie(w2))
                        .andReturn(),
                200);
        assertThat(e.get("contest").get("status").asText()).isEqualTo("UPHELD");
        assertThat(e.get("canContest").asBoolean()).isFalse();
        assertThat(call(
                                mvc.perform(get("/api/v1/service-records/" + p.originalRecord())
                                                .cookie(w))
                                        .andReturn(),
                                200)
                        .get("reusedBy")
                        .toString())
                .doesNotContain("\"id\":" + p.copyPhoto() + ",");
        if (rows > 0) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM compliance_snapshot WHERE stale_since IS NOT NULL")
                            .query(Long.class)
                            .single())
                    .as("the compliance snapshot is marked stale by the decision")
                    .isPositive();
        }
        assertThat(rows).as("the bureau's home page computed a snapshot").isPositive();
        // audited, with the Chinese label
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_type = 'PHOTO' AND target_id = ? "
                                + "AND action LIKE 'PHOTO_CONTEST_%' ORDER BY id")
                        .param(String.valueOf(p.copyPhoto()))
                        .query(String.class)
                        .list())
                .containsExactly("PHOTO_CONTEST_FILE", "PHOTO_CONTEST_DECIDE");
    }

    @Test
    void aRejectedContestLeavesThePhotoADuplicate() throws Exception {
        Cookie w = login("demo_worker");
        Cookie w2 = login("demo_worker2");
        Cookie bureau = login("demo_bureau");
        Pair p = pair(w, w2);
        long id = call(contest(w2, p.copyPhoto(), "我们认为不是同一张"), 201).get("id").asLong();
        JsonNode done = call(decide(bureau, id, "REJECTED", "两张照片为同一文件", 0L), 200);
        assertThat(done.get("status").asText()).isEqualTo("REJECTED");
        assertThat(codes(qualification(w2, p.copyRecord()))).containsExactly("DUPLICATE_PHOTO");
        JsonNode one =
                call(mvc.perform(get("/api/v1/photo-contests/" + id).cookie(w2)).andReturn(), 200);
        assertThat(one.get("statusLabel").asText()).isEqualTo("申诉未通过，仍认定为重复照片");
        assertThat(one.get("decisionReason").asText()).isEqualTo("两张照片为同一文件");
    }

    @Test
    void theDemoHasAContestForTheBureauToDecideAndTheWorkerSeesItsState() throws Exception {
        Cookie bureau = login("demo_bureau");
        Cookie w = login("demo_worker");
        long record = jdbc.sql("SELECT id FROM service_record WHERE title = '再次走访残疾人家庭（照片申诉中）'")
                .query(Long.class)
                .single();
        JsonNode demo = null;
        for (JsonNode c : call(
                mvc.perform(get("/api/v1/photo-contests?status=PENDING").cookie(bureau))
                        .andReturn(),
                200)) {
            if (c.get("ownerId").asLong() == record) {
                demo = c;
            }
        }
        assertThat(demo).as("the demo contest waits for the bureau").isNotNull();
        assertThat(demo.get("filedBy").asText()).isEqualTo("demo_worker");
        String home =
                mvc.perform(get("/").cookie(bureau)).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("待裁定的重复照片申诉").contains("/records/" + record + "#photo-");
        String page = mvc.perform(get("/records/" + record).cookie(w))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .containsPattern("<div[^>]*data-testid=\"contest-state\"[^>]*data-status=\"PENDING\"|"
                        + "<div[^>]*data-status=\"PENDING\"[^>]*data-testid=\"contest-state\"")
                .contains("待区县民政局裁定");
        assertThat(page).doesNotContain("data-testid=\"decide-form\"");
        // the list page: the bureau can decide there, the worker only reads
        String list = mvc.perform(get("/photo-contests").cookie(bureau))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains("data-contest-id=\"" + demo.get("id").asLong() + "\"")
                .contains("data-testid=\"decide-form\"");
        String workerList = mvc.perform(get("/photo-contests?status=ALL").cookie(w))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(workerList)
                .contains("data-contest-id=\"" + demo.get("id").asLong() + "\"")
                .doesNotContain("data-testid=\"decide-form\"");
        // a stale version posted by the page's form is refused with a message, nothing changes
        var stale = mvc.perform(post("/photo-contests/" + demo.get("id").asLong() + "/decision")
                        .cookie(bureau)
                        .with(csrf())
                        .param("decision", "UPHELD")
                        .param("reason", "核实")
                        .param("version", String.valueOf(demo.get("version").asLong() + 7))
                        .param("back", "/photo-contests"))
                .andReturn();
        assertThat(stale.getResponse().getRedirectedUrl()).isEqualTo("/photo-contests");
        assertThat(String.valueOf(stale.getFlashMap().get("error"))).contains("刷新页面");
        assertThat(call(
                                mvc.perform(get("/api/v1/photo-contests/"
                                                        + demo.get("id").asLong())
                                                .cookie(bureau))
                                        .andReturn(),
                                200)
                        .get("status")
                        .asText())
                .isEqualTo("PENDING");
        // the same station's earlier photo: the worker sees it and may open its record
        JsonNode e = call(
                mvc.perform(get("/api/v1/photos/" + demo.get("photoId").asLong() + "/earlier")
                                .cookie(w))
                        .andReturn(),
                200);
        assertThat(e.get("sameStation").asBoolean()).isTrue();
        assertThat(e.get("earlierOwnerId").isNull()).isFalse();
    }

    static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }
}
