package cn.sgz.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.evidence.TestImages;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 18, finding 10: upload ids (idempotency keys) are the uploader's own, the same key with other
 * bytes answers 422, and a photo stored twice on a record never makes a later upload answer 500.
 */
@SgzTest
class IdempotencyKeyTest {

    static final double LAT = 40.6010;
    static final double LON = 109.9702;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    TestLogin login;

    @BeforeEach
    void setUp() {
        login = new TestLogin(mvc);
    }

    private static LocalDate today() {
        return ChinaTime.today();
    }

    private static byte[] photo(long seed) {
        return TestImages.withExif(TestImages.jpeg(TestImages.scene(seed), 0.9f), today().atTime(10, 0), LAT, LON);
    }

    private long record(Cookie s) throws Exception {
        long station = 0;
        for (JsonNode u : json.readTree(mvc.perform(get("/api/v1/org-units").cookie(s))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))) {
            if ("STATION".equals(u.get("type").asText())) {
                station = u.get("id").asLong();
                break;
            }
        }
        MockHttpServletResponse r = mvc.perform(post("/api/v1/service-records")
                        .cookie(s)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of(
                                "orgUnitId",
                                station,
                                "kind",
                                "FOLLOW_UP_VISIT",
                                "title",
                                "幂等测试",
                                "serviceDate",
                                today().toString(),
                                "indoor",
                                false,
                                "distributesGoods",
                                false,
                                "participants",
                                List.of(Map.of("name", "王大爷"))))))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8))
                .get("id")
                .asLong();
    }

    private MockHttpServletResponse upload(Cookie s, long record, byte[] bytes, String key) throws Exception {
        MockHttpServletResponse r = mvc.perform(put("/api/v1/service-records/" + record + "/photos/" + key)
                        .cookie(s)
                        .with(csrf())
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(bytes))
                .andReturn()
                .getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    @Test
    void aPhotoStoredTwiceUnderTwoKeysNeverMakesAKeylessUploadFail() throws Exception {
        Cookie worker = login.login("demo_worker");
        long record = record(worker);
        long seed = 7_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L);
        byte[] bytes = photo(seed);
        String tag = TestLogin.unique();
        assertThat(upload(worker, record, bytes, "twice-a-" + tag).getStatus()).isEqualTo(201);
        assertThat(upload(worker, record, bytes, "twice-b-" + tag).getStatus()).isEqualTo(201);

        MockHttpServletResponse keyless = mvc.perform(multipart("/api/v1/service-records/" + record + "/photos")
                        .file(new MockMultipartFile("file", "a.jpg", "image/jpeg", bytes))
                        .cookie(worker)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(keyless.getStatus())
                .as(keyless.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(json.readTree(keyless.getContentAsString(StandardCharsets.UTF_8))
                        .get("created")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void theSameKeyWithOtherBytesIs422AndKeysBelongToTheirUploader() throws Exception {
        Cookie worker = login.login("demo_worker");
        Cookie head = login.login("demo_head");
        long record = record(worker);
        long seed = 8_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L);
        String key = "mine-" + TestLogin.unique();
        MockHttpServletResponse first = upload(worker, record, photo(seed), key);
        assertThat(first.getStatus()).isEqualTo(201);
        long photoId =
                json.readTree(first.getContentAsString()).get("photo").get("id").asLong();

        // a retry replays
        MockHttpServletResponse retry = upload(worker, record, photo(seed), key);
        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(json.readTree(retry.getContentAsString())
                        .get("photo")
                        .get("id")
                        .asLong())
                .isEqualTo(photoId);

        // the same key with another photo: 422, naming the field
        MockHttpServletResponse other = upload(worker, record, photo(seed + 1), key);
        assertThat(other.getStatus()).as(other.getContentAsString()).isEqualTo(422);
        JsonNode error = json.readTree(other.getContentAsString());
        assertThat(error.get("code").asText()).isEqualTo("KEY_REUSED");
        assertThat(error.get("details").get(0).get("field").asText()).isEqualTo("uploadId");

        // another user's key of the same name is a key of its own: a new photo, not the worker's
        MockHttpServletResponse headsUpload = upload(head, record, photo(seed + 2), key);
        assertThat(headsUpload.getStatus()).as(headsUpload.getContentAsString()).isEqualTo(201);
        assertThat(json.readTree(headsUpload.getContentAsString())
                        .get("photo")
                        .get("id")
                        .asLong())
                .isNotEqualTo(photoId);
    }
}
