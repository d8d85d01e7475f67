package cn.sgz.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.evidence.TestImages;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The station answers a 整改事项 with photos: uploads go through the evidence module's checks (content type by its
 * bytes, size), show as thumbnails on the 整改 page, download only through an item the user sees (another
 * station's 整改 answers 404), are audited, and a refused photo keeps the whole answer from being saved.
 */
@SgzTest
class RectificationPhotosTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        org = DemoOrg.load(login);
    }

    long demoRound() {
        return jdbc.sql("SELECT id FROM eval_round WHERE kind = 'MIDTERM' AND status = 'OPEN' ORDER BY id")
                .query(Long.class)
                .list()
                .get(0);
    }

    /** A new 整改事项 for 沙河 (demo_worker's station), raised by the evaluator. */
    long raise(String title) throws Exception {
        MockHttpServletResponse r = login.send(
                "demo_evaluator",
                post("/api/v1/evaluations/rectifications"),
                json.writeValueAsString(Map.of(
                        "roundId",
                        demoRound(),
                        "stationId",
                        org.s1.id(),
                        "itemCode",
                        "F2",
                        "title",
                        title,
                        "requirement",
                        "补齐功能区标识并拍照说明",
                        "deadline",
                        ChinaTime.today().plusDays(14).toString())));
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8))
                .get("id")
                .asLong();
    }

    static byte[] photo() {
        return TestImages.jpeg(
                TestImages.scene(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 16)), 0.9f);
    }

    MockHttpServletResponse upload(String user, long id, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/evaluations/rectifications/" + id + "/photos")
                        .file(new MockMultipartFile("file", name, "image/jpeg", bytes))
                        .with(login.as(user)))
                .andReturn()
                .getResponse();
    }

    JsonNode read(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    int photoCount(long id) throws Exception {
        return json.readTree(login.getJson("demo_bureau", "/api/v1/evaluations/rectifications/" + id + "/photos", 200))
                .size();
    }

    @Test
    void theStationUploadsPhotosThatOthersSeeOnlyThroughTheItem() throws Exception {
        long id = raise("功能区标识不全");
        MockHttpServletResponse ok = upload("demo_worker", id, "整改后.jpg", photo());
        assertThat(ok.getStatus())
                .as(ok.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        long photoId = read(ok).get("photo").get("id").asLong();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'RECTIFICATION_PHOTO' AND target_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // refused: not a photo by its bytes (whatever the name says), too big; nothing stored
        MockHttpServletResponse forged =
                upload("demo_worker", id, "整改.jpg", "<?php echo 1; ?> not a photo".getBytes(StandardCharsets.UTF_8));
        assertThat(forged.getStatus()).isEqualTo(400);
        assertThat(read(forged).get("code").asString()).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(read(forged).get("message").asString()).contains("只接受 JPEG、PNG、WebP");
        byte[] big = new byte[15 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        MockHttpServletResponse tooBig = upload("demo_worker", id, "大.jpg", big);
        assertThat(tooBig.getStatus()).isEqualTo(400);
        assertThat(read(tooBig).get("code").asString()).isEqualTo("PHOTO_TOO_LARGE");
        assertThat(read(tooBig).get("message").asString()).contains("不能超过 15 MB");
        assertThat(photoCount(id)).isEqualTo(1);

        // only the station uploads; another station's worker does not even see the item
        assertThat(upload("demo_evaluator", id, "代传.jpg", photo()).getStatus()).isEqualTo(403);
        assertThat(upload("demo_worker2", id, "别站.jpg", photo()).getStatus()).isEqualTo(404);
        assertThat(login.send("demo_worker2", get("/api/v1/evaluations/rectifications/" + id + "/photos"), null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(login.send(
                                "demo_worker2",
                                get("/api/v1/evaluations/rectifications/" + id + "/photos/" + photoId + "/original"),
                                null)
                        .getStatus())
                .isEqualTo(404);

        // the evaluator and the bureau download it through the item; a photo asked for through another item is 404
        MockHttpServletResponse thumb = login.send(
                "demo_evaluator",
                get("/api/v1/evaluations/rectifications/" + id + "/photos/" + photoId + "/thumb"),
                null);
        assertThat(thumb.getStatus()).isEqualTo(200);
        assertThat(thumb.getContentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.read(thumb.getContentAsByteArray())).isNotNull();
        MockHttpServletResponse original = login.send(
                "demo_bureau",
                get("/api/v1/evaluations/rectifications/" + id + "/photos/" + photoId + "/original"),
                null);
        assertThat(original.getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PHOTO_DOWNLOAD' AND target_id = ?")
                        .param(String.valueOf(photoId))
                        .query(Long.class)
                        .single())
                .isPositive();
        long other = raise("消防设施未配齐");
        assertThat(login.send(
                                "demo_bureau",
                                get("/api/v1/evaluations/rectifications/" + other + "/photos/" + photoId + "/thumb"),
                                null)
                        .getStatus())
                .isEqualTo(404);

        // a wrong photo can be taken off before answering
        long wrong = read(upload("demo_worker", id, "错的.jpg", photo()))
                .get("photo")
                .get("id")
                .asLong();
        assertThat(login.send(
                                "demo_worker",
                                delete("/api/v1/evaluations/rectifications/" + id + "/photos/" + wrong),
                                null)
                        .getStatus())
                .isEqualTo(204);
        assertThat(photoCount(id)).isEqualTo(1);
    }

    @Test
    void theStationAnswersWithPhotosOnThePageAndARefusedPhotoSavesNothing() throws Exception {
        long id = raise("活动室标识缺失");
        Cookie worker = login.login("demo_worker");
        String page = page(worker, "/rectifications/" + id);
        assertThat(page).contains("整改照片").contains("name=\"photos\"").contains("multipart/form-data");
        long version = read(login.send("demo_worker", get("/api/v1/evaluations/rectifications/" + id), null))
                .get("version")
                .asLong();

        // one bad file among the photos: nothing is saved, the message says why
        var refused = mvc.perform(multipart("/rectifications/" + id + "/response")
                        .file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", photo()))
                        .file(new MockMultipartFile("photos", "b.jpg", "image/jpeg", "not a photo".getBytes()))
                        .param("response", "已补齐活动室标识")
                        .param("version", String.valueOf(version))
                        .cookie(worker)
                        .with(csrf()))
                .andReturn();
        assertThat(refused.getFlashMap().get("error").toString()).contains("只接受 JPEG、PNG、WebP");
        assertThat(photoCount(id)).isZero();
        assertThat(read(login.send("demo_worker", get("/api/v1/evaluations/rectifications/" + id), null))
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");

        var answered = mvc.perform(multipart("/rectifications/" + id + "/response")
                        .file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", photo()))
                        .file(new MockMultipartFile("photos", "b.jpg", "image/jpeg", photo()))
                        .param("response", "已补齐活动室标识")
                        .param("version", String.valueOf(version))
                        .cookie(worker)
                        .with(csrf()))
                .andReturn();
        assertThat(answered.getFlashMap().get("notice")).isEqualTo("已提交整改情况");
        assertThat(photoCount(id)).isEqualTo(2);
        JsonNode after = read(login.send("demo_evaluator", get("/api/v1/evaluations/rectifications/" + id), null));
        assertThat(after.get("status").asString()).isEqualTo("RESPONDED");

        // thumbnails on the page, for the evaluator too, served through the item
        String seen = page(login.login("demo_evaluator"), "/rectifications/" + id);
        assertThat(seen)
                .contains("/rectifications/" + id + "/photos/")
                .contains("/thumb")
                .contains("确认整改完成");
        long photoId = json.readTree(
                        login.getJson("demo_evaluator", "/api/v1/evaluations/rectifications/" + id + "/photos", 200))
                .get(0)
                .get("id")
                .asLong();
        assertThat(mvc.perform(get("/rectifications/" + id + "/photos/" + photoId + "/thumb")
                                .cookie(worker))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/rectifications/" + id + "/photos/" + photoId + "/thumb")
                                .cookie(login.login("demo_worker2")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // once answered, no more photos until the evaluator sends it back
        assertThat(upload("demo_worker", id, "晚了.jpg", photo()).getStatus()).isEqualTo(409);

        // the evaluator reopens it (a reason is required), the station adds a photo, the evaluator closes it
        String review = "/api/v1/evaluations/rectifications/" + id + "/review";
        MockHttpServletResponse noReason = login.send(
                "demo_evaluator",
                post(review),
                json.writeValueAsString(
                        Map.of("close", false, "version", after.get("version").asLong())));
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(EvaluationApiTest.field(noReason, json)).isEqualTo("note");
        JsonNode reopened = read(login.send(
                "demo_evaluator",
                post(review),
                json.writeValueAsString(Map.of(
                        "close",
                        false,
                        "note",
                        "照片未显示室内标识，请补拍",
                        "version",
                        after.get("version").asLong()))));
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("reviewNote").asString()).isEqualTo("照片未显示室内标识，请补拍");
        assertThat(upload("demo_worker", id, "补拍.jpg", photo()).getStatus()).isEqualTo(201);
        JsonNode answeredAgain = read(login.send(
                "demo_head",
                post("/api/v1/evaluations/rectifications/" + id + "/response"),
                json.writeValueAsString(Map.of(
                        "response",
                        "已补拍室内标识照片",
                        "version",
                        reopened.get("version").asLong()))));
        assertThat(answeredAgain.get("status").asString()).isEqualTo("RESPONDED");
        JsonNode closed = read(login.send(
                "demo_evaluator",
                post(review),
                json.writeValueAsString(Map.of(
                        "close", true, "version", answeredAgain.get("version").asLong()))));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(photoCount(id)).isEqualTo(3);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action IN ('RECTIFICATION_REOPEN', 'RECTIFICATION_CLOSE') "
                                        + "AND target_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    String page(Cookie who, String url) throws Exception {
        MockHttpServletResponse r =
                mvc.perform(get(url).cookie(who)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }
}
