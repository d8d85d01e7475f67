package cn.sgz.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.evidence.TestImages;
import cn.sgz.evidence.internal.ChunkedUploadService;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Photos sent in pieces (issue 16 item 4, issue 21 item 3): a piece at the server's offset is kept; after a dropped
 * connection the phone asks how far it got and continues; a piece at the wrong offset gets a clear Chinese 409 with
 * the offset to continue from; the assembled photo passes the ordinary checks (EXIF time read, content sniffed,
 * size limit) and the same upload completed twice is stored once; another account can neither see nor extend the
 * upload; stale pieces are purged.
 */
@SgzTest
class ChunkedUploadApiTest {

    static final String PASSWORD = "sgz-demo-2026!";
    static final double LAT = 40.6010;
    static final double LON = 109.9702;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChunkedUploadService uploads;

    @Autowired
    UserDetailsService accounts;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    Cookie login(String user) throws Exception {
        MvcResult r =
                mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).doesNotContain("error");
        return r.getResponse().getCookie("SESSION");
    }

    JsonNode read(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString());
    }

    long createRecord(Cookie s) throws Exception {
        long station = -1;
        for (JsonNode u : read(mvc.perform(get("/api/v1/org-units").cookie(s)).andReturn())) {
            if ("STATION".equals(u.get("type").asText())) {
                station = u.get("id").asLong();
                break;
            }
        }
        Map<String, Object> body = Map.of(
                "orgUnitId",
                station,
                "kind",
                "FOLLOW_UP_VISIT",
                "title",
                "分段上传测试 " + System.nanoTime(),
                "serviceDate",
                ChinaTime.today().toString(),
                "indoor",
                false,
                "distributesGoods",
                false,
                "participants",
                List.of(Map.of("name", "王大爷")));
        MvcResult r = mvc.perform(post("/api/v1/service-records")
                        .cookie(s)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        return read(r).get("id").asLong();
    }

    static byte[] photo(long seed) {
        LocalDate today = ChinaTime.today();
        return TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.95f), today.atTime(9, 30), LAT + 0.0002, LON + 0.0001);
    }

    MvcResult piece(Cookie s, String id, byte[] all, int from, int to) throws Exception {
        return mvc.perform(patch("/api/v1/uploads/" + id)
                        .cookie(s)
                        .with(csrf())
                        .header("Upload-Offset", from)
                        .header("Upload-Length", all.length)
                        .header("Upload-Sha256", sha256(all))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(Arrays.copyOfRange(all, from, to)))
                .andReturn();
    }

    MvcResult complete(Cookie s, long record, String id) throws Exception {
        return mvc.perform(post("/api/v1/service-records/" + record + "/photos/" + id + "/complete?source=GALLERY")
                        .cookie(s)
                        .with(csrf()))
                .andReturn();
    }

    int photosOn(long record) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_photo WHERE owner_type = 'SERVICE_RECORD' AND owner_id = ?")
                .param(record)
                .query(Integer.class)
                .single();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void resumesAfterAPartialUploadAndTheSameUploadCompletedTwiceIsStoredOnce() throws Exception {
        Cookie s = login("demo_worker");
        long record = createRecord(s);
        byte[] all = photo(System.nanoTime());
        assertThat(all.length).isGreaterThan(90_000);
        String id = UUID.randomUUID().toString();
        int third = all.length / 3;

        // nothing arrived yet: the upload is unknown
        assertThat(mvc.perform(get("/api/v1/uploads/" + id).cookie(s))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        MvcResult first = piece(s, id, all, 0, third);
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(first).get("receivedBytes").asLong()).isEqualTo(third);
        assertThat(first.getResponse().getHeader("Upload-Offset")).isEqualTo(Integer.toString(third));

        // the connection dropped: the phone asks how far it got
        JsonNode st = read(mvc.perform(get("/api/v1/uploads/" + id).cookie(s)).andReturn());
        assertThat(st.get("receivedBytes").asLong()).isEqualTo(third);
        assertThat(st.get("complete").asBoolean()).isFalse();

        // completing too early says what is missing
        MvcResult early = complete(s, record, id);
        assertThat(early.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(early).get("message").asText()).contains("照片还没有传完").contains(third + " / " + all.length);

        // a piece sent again from the start (the reply of the first was lost): 409, continue from the server's offset
        MvcResult wrong = piece(s, id, all, 0, third);
        assertThat(wrong.getResponse().getStatus()).isEqualTo(409);
        JsonNode w = read(wrong);
        assertThat(w.get("message").asText())
                .isEqualTo("上传位置不对：服务器已收到这张照片的 " + third + " 字节，这一段却从第 0 字节开始。请从第 " + third + " 字节继续上传。");
        assertThat(w.get("receivedBytes").asLong()).isEqualTo(third);

        assertThat(piece(s, id, all, third, 2 * third).getResponse().getStatus())
                .isEqualTo(200);
        MvcResult last = piece(s, id, all, 2 * third, all.length);
        assertThat(read(last).get("complete").asBoolean()).isTrue();

        MvcResult done = complete(s, record, id);
        assertThat(done.getResponse().getStatus()).isEqualTo(201);
        JsonNode photo = read(done).get("photo");
        assertThat(photo.get("byteSize").asLong()).isEqualTo(all.length);
        assertThat(photo.get("sha256").asText()).isEqualTo(sha256(all));
        assertThat(chinaTime(photo.get("capturedAt").asText())).startsWith(ChinaTime.today() + "T09:30");
        assertThat(photo.get("timeSource").asText()).isEqualTo("EXIF");
        assertThat(photo.get("latitude").asDouble()).isCloseTo(LAT + 0.0002, org.assertj.core.data.Offset.offset(1e-5));
        long photoId = photo.get("id").asLong();
        // the pieces are gone once the photo is stored
        assertThat(jdbc.sql("SELECT COUNT(*) FROM upload_chunk c JOIN upload_session u ON u.id = c.session_id "
                                + "WHERE u.upload_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();

        // the same upload completed again (the reply was lost): 200, the same photo, nothing stored twice
        MvcResult again = complete(s, record, id);
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(again).get("photo").get("id").asLong()).isEqualTo(photoId);
        // a late piece of a completed upload changes nothing
        assertThat(read(piece(s, id, all, third, 2 * third)).get("complete").asBoolean())
                .isTrue();
        assertThat(photosOn(record)).isEqualTo(1);

        // even after the stale-upload job removed the session, completing again finds the stored photo
        jdbc.sql("DELETE FROM upload_session WHERE upload_id = ?").param(id).update();
        MvcResult afterPurge = complete(s, record, id);
        assertThat(afterPurge.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(afterPurge).get("photo").get("id").asLong()).isEqualTo(photoId);
        assertThat(photosOn(record)).isEqualTo(1);
    }

    @Test
    void anotherAccountCanNeitherSeeNorExtendNorCompleteTheUpload() throws Exception {
        Cookie worker = login("demo_worker");
        Cookie other = login("demo_worker2");
        long record = createRecord(worker);
        byte[] all = photo(System.nanoTime());
        String id = UUID.randomUUID().toString();
        int half = all.length / 2;
        assertThat(piece(worker, id, all, 0, half).getResponse().getStatus()).isEqualTo(200);

        assertThat(mvc.perform(get("/api/v1/uploads/" + id).cookie(other))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        MvcResult append = piece(other, id, all, half, all.length);
        assertThat(append.getResponse().getStatus())
                .as("the other account has no upload to extend")
                .isEqualTo(409);
        assertThat(read(append).get("receivedBytes").asLong()).isZero();
        assertThat(mvc.perform(delete("/api/v1/uploads/" + id).cookie(other).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(complete(other, record, id).getResponse().getStatus()).isEqualTo(404);

        // the owner's upload is untouched and completes
        assertThat(read(mvc.perform(get("/api/v1/uploads/" + id).cookie(worker)).andReturn())
                        .get("receivedBytes")
                        .asLong())
                .isEqualTo(half);
        assertThat(piece(worker, id, all, half, all.length).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(complete(worker, record, id).getResponse().getStatus()).isEqualTo(201);
        assertThat(photosOn(record)).isEqualTo(1);
    }

    @Test
    void oversizeWrongContentAndAForeignPhotoUnderTheSameIdAreRefusedInChinese() throws Exception {
        Cookie s = login("demo_worker");
        long record = createRecord(s);
        String big = UUID.randomUUID().toString();
        MvcResult tooLarge = mvc.perform(patch("/api/v1/uploads/" + big)
                        .cookie(s)
                        .with(csrf())
                        .header("Upload-Offset", 0)
                        .header("Upload-Length", 40L * 1024 * 1024)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(new byte[1024]))
                .andReturn();
        assertThat(tooLarge.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(tooLarge).get("code").asText()).isEqualTo("PHOTO_TOO_LARGE");
        assertThat(read(tooLarge).get("message").asText())
                .contains("照片太大（40.0 MB）")
                .contains("不能超过 15 MB");

        // a piece running past the announced size
        byte[] all = photo(System.nanoTime());
        String id = UUID.randomUUID().toString();
        MvcResult past = mvc.perform(patch("/api/v1/uploads/" + id)
                        .cookie(s)
                        .with(csrf())
                        .header("Upload-Offset", 0)
                        .header("Upload-Length", 100)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(Arrays.copyOf(all, 200)))
                .andReturn();
        assertThat(past.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(past).get("message").asText()).contains("超出了照片的大小");

        // not a photo: refused at the first piece, by content
        byte[] text = "这不是照片，只是一段文字。".repeat(200).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MvcResult notPhoto = piece(s, UUID.randomUUID().toString(), text, 0, 1000);
        assertThat(notPhoto.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(notPhoto).get("message").asText()).contains("文件内容不是照片");

        // without the offset header
        MvcResult noOffset = mvc.perform(patch("/api/v1/uploads/" + id)
                        .cookie(s)
                        .with(csrf())
                        .header("Upload-Length", all.length)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(all))
                .andReturn();
        assertThat(noOffset.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(noOffset).get("message").asText()).contains("Upload-Offset");

        // the same upload id for another photo (other size): 409, never mixed
        assertThat(piece(s, id, all, 0, 1000).getResponse().getStatus()).isEqualTo(200);
        byte[] other = photo(System.nanoTime() + 7);
        MvcResult mixed = piece(s, id, other, 1000, 2000);
        assertThat(mixed.getResponse().getStatus()).isEqualTo(409);
        assertThat(read(mixed).get("message").asText()).contains("该上传编号已用于另一张照片");
        assertThat(photosOn(record)).isZero();
    }

    /** A piece cut off mid-way (the connection dropped) keeps the bytes that arrived; the phone continues there. */
    @Test
    void aPieceCutOffMidWayKeepsTheBytesThatArrivedAndStalePiecesArePurged() throws Exception {
        TestLogin.signIn(accounts, "demo_worker");
        byte[] all = photo(System.nanoTime());
        String id = UUID.randomUUID().toString();
        InputStream dropping = new InputStream() {
            final ByteArrayInputStream in = new ByteArrayInputStream(all, 0, 50_000);
            int given;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (given >= 30_000) {
                    throw new IOException("connection reset");
                }
                int n = in.read(b, off, Math.min(len, 30_000 - given));
                given += n;
                return n;
            }
        };
        assertThatThrownBy(() -> uploads.append(id, 0, all.length, null, "IMG.jpg", 50_000, dropping))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(uploads.status(id).receivedBytes()).isEqualTo(30_000);
        ChunkedUploadService.Status s = uploads.append(
                id,
                30_000,
                all.length,
                null,
                "IMG.jpg",
                all.length - 30_000,
                new ByteArrayInputStream(all, 30_000, all.length - 30_000));
        assertThat(s.complete()).isTrue();
        try (var a = uploads.assemble(id)) {
            assertThat(java.nio.file.Files.readAllBytes(a.file())).isEqualTo(all);
        }

        // untouched for longer than sgz.upload.stale-after: purged with its pieces
        String stale = UUID.randomUUID().toString();
        uploads.append(stale, 0, all.length, null, null, 10_000, new ByteArrayInputStream(all, 0, 10_000));
        jdbc.sql("UPDATE upload_session SET updated_at = ? WHERE upload_id = ?")
                .params(ChinaTime.offsetNow().minusDays(3), stale)
                .update();
        assertThat(uploads.purgeStale()).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> uploads.status(stale)).isInstanceOf(cn.sgz.shared.NotFoundException.class);
        assertThat(uploads.status(id).receivedBytes()).isEqualTo(all.length);
    }

    /** A time the API wrote (H2 answers +08:00, PostgreSQL UTC) as China local time, e.g. 2026-12-07T09:30. */
    private static String chinaTime(String apiTime) {
        return java.time.OffsetDateTime.parse(apiTime)
                .atZoneSameInstant(cn.sgz.shared.ChinaTime.ZONE)
                .toLocalDateTime()
                .toString();
    }
}
