package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sgz.evidence.TestImages;
import cn.sgz.shared.ChinaTime;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 21, the field pages beyond 回访 and 服务记录 on a 360×740 phone in Playwright's offline mode: a case session
 * (个案过程记录) for one of the worker's open cases, recorded offline with a photo, still there after a reload and
 * synced once — counted as 第1节 — when the network returns; the to-do list, the ledger people, the home assessment
 * and follow-up forms all open without a signal; what the service worker caches holds no personal data; a home
 * assessment whose person's risk level was changed online meanwhile shows both versions and is never written over
 * silently; and a role that does no field work keeps nothing on the phone.
 */
class OfflineFieldPagesBrowserTest extends BrowserTestSupport {

    private static final double STATION_LAT = 40.6010;
    private static final double STATION_LON = 109.9702;

    @TempDir
    Path tmp;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private Path photo(String name) throws IOException {
        long seed = 7_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.9f),
                ChinaTime.today().atTime(10, 0),
                STATION_LAT + 0.0004,
                STATION_LON + 0.0003);
        return Files.write(tmp.resolve(name), jpeg);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static Locator entries(Page page) {
        return page.locator("[data-testid=offline-entry]");
    }

    // ---- a case of the worker's station taken to its work plan, through the REST API of the signed-in page ----

    private JsonNode call(Page page, String method, String url, RequestOptions options) {
        String header = (String) page.evaluate("() => document.querySelector('meta[name=_csrf_header]').content");
        String token = (String) page.evaluate("() => document.querySelector('meta[name=_csrf]').content");
        options.setHeader(header, token).setMethod(method);
        APIResponse r = page.request().fetch(url, options);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.status()).as("%s %s: %s", method, url, body).isBetween(200, 201);
        return json.readTree(body);
    }

    private static Map<String, Object> fields(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private JsonNode plannedCase(Page page, String title) throws IOException {
        String today = ChinaTime.today().toString();
        long station = -1;
        for (JsonNode u : call(page, "GET", "/api/v1/org-units", RequestOptions.create())) {
            if ("STATION".equals(u.get("type").asText())) {
                station = u.get("id").asLong();
                break;
            }
        }
        JsonNode people =
                call(page, "GET", "/api/v1/service-records/recipients?stationId=" + station, RequestOptions.create());
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("stationId", station);
        open.put("recipientId", people.get(people.size() - 1).get("id").asLong());
        open.put("domain", "ELDERLY");
        open.put("title", title);
        open.put(
                "intake",
                fields(
                        "intakeDate", today,
                        "source", "主动求助",
                        "basicInfo", "女，81岁，独居",
                        "problem", "住在山里，行动不便",
                        "intakeOpinion", "符合接案条件"));
        JsonNode c = call(page, "POST", "/api/v1/cases", RequestOptions.create().setData(open));
        String url = "/api/v1/cases/" + c.get("id").asLong();
        call(
                page,
                "PUT",
                url + "/forms/ASSESSMENT",
                RequestOptions.create()
                        .setData(fields(
                                "assessDate", today,
                                "needs", "情绪支持与照料需求",
                                "strengths", "邻居常来看望",
                                "riskLevel", "中",
                                "conclusion", "优先处理安全问题")));
        call(
                page,
                "PUT",
                url + "/forms/AGREEMENT",
                RequestOptions.create()
                        .setData(fields(
                                "signDate", today,
                                "signer", "张大娘",
                                "signerRelation", "本人",
                                "services", "每周上门一次",
                                "period", "两个月")));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(TestImages.scene(8_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L)), "png", png);
        call(
                page,
                "POST",
                url + "/agreement/signature",
                RequestOptions.create()
                        .setMultipart(FormData.create()
                                .set("file", new FilePayload("signature.png", "image/png", png.toByteArray()))
                                .set("onScreen", "true")));
        call(
                page,
                "PUT",
                url + "/forms/PLAN",
                RequestOptions.create()
                        .setData(fields(
                                "planDate", today,
                                "overallGoal", "安全独居",
                                "goals", "1. 情绪稳定",
                                "strategy", "优势视角",
                                "measures", "每周一次上门服务",
                                "plannedSessions", "4")));
        return c;
    }

    @Test
    void aCaseSessionAndEveryFieldPageWorkWithoutASignal() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        String title = "离线山区个案" + Long.toString(System.nanoTime(), 36);
        JsonNode c = plannedCase(page, title);
        long caseId = c.get("id").asLong();
        String client = c.get("clientName").asText();

        // online once: the page keeps the working set, with the open case in it
        page.navigate("/field");
        page.evaluate("async () => { await navigator.serviceWorker.ready; }");
        Locator theCase =
                page.locator("[data-testid=offline-case]").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(theCase).hasCount(1);
        assertThat(theCase).containsText("案主 " + client);
        String someone = page.locator("[data-testid=offline-person] b")
                .first()
                .textContent()
                .strip();
        long personId = count(
                "SELECT r.id FROM recipient r JOIN org_unit s ON s.id = r.station_id WHERE r.name = ? "
                        + "AND s.name LIKE '沙河%' AND r.status = 'ACTIVE' AND r.merged_into_id IS NULL ORDER BY r.id LIMIT 1",
                someone);

        // the service worker's cache holds the app shell only: no name of anyone on the phone's working set
        @SuppressWarnings("unchecked")
        List<String> cached = (List<String>) page.evaluate("async () => { const out = [];"
                + " for (const k of await caches.keys()) { const c = await caches.open(k);"
                + "   for (const r of await c.keys()) { out.push(new URL(r.url).pathname + '\\n' + await (await c.match(r)).text()); } }"
                + " return out; }");
        assertThat(cached).isNotEmpty();
        for (String entry : cached) {
            assertThat(entry).doesNotContain(client).doesNotContain(someone).doesNotContain(title);
        }

        page.context().setOffline(true);

        // the to-do list, the ledger and the other field forms open without a signal
        page.navigate("/");
        assertThat(page.locator("main h1")).hasText("离线记录");
        assertThat(page.locator("[data-testid=offline-due-entry]").first()).isVisible();
        assertThat(theCase).hasCount(1);
        page.navigate("/recipients");
        assertThat(page.locator("[data-testid=offline-person]").first()).isVisible();
        page.locator("#people-q").fill(someone);
        assertThat(page.locator("[data-testid=offline-person]").first()).containsText(someone);
        page.navigate("/recipients/" + personId + "/assessments/new");
        assertThat(page.locator("[data-testid=offline-assessment-form]")).isVisible();
        assertThat(page.locator("#oa-person")).hasValue(String.valueOf(personId));
        page.navigate("/followups/record/" + personId);
        assertThat(page.locator("[data-testid=offline-followup-form]")).isVisible();
        assertThat(page.locator("#of-person")).hasValue(String.valueOf(personId));

        // the case session form, opened from the case's own link as the to-do list gives it
        page.navigate("/cases/" + caseId + "/sessions/new");
        Locator form = page.locator("[data-testid=offline-case-session-form]");
        assertThat(form).isVisible();
        assertThat(page.locator("#oc-case")).hasValue(String.valueOf(caseId));
        assertThat(page.locator("#oc-case-info")).containsText(client);
        assertThat(page.locator("#oc-date")).hasValue(ChinaTime.today().toString());
        page.locator("#oc-start").fill("09:30");
        page.locator("#oc-place").fill("案主家中");
        page.locator("#oc-f-sessionGoal").fill("了解独居安全");
        page.locator("#oc-f-process").fill("离线入户：检查燃气和药盒，陪同交谈");
        // a required field left empty is named before anything is kept
        page.locator("[data-testid=offline-case-save]").tap();
        assertThat(page.locator("#oc-error")).hasText("过程记录表：“服务成效”请填写");
        assertThat(entries(page)).hasCount(0);
        page.locator("#oc-f-outcome").fill("案主同意安装燃气报警器");
        page.locator("[data-testid=offline-case-photos]").setInputFiles(photo("home.jpg"));
        assertThat(page.locator("#oc-photos-info")).containsText("拍摄于 " + ChinaTime.today());
        page.locator("[data-testid=offline-case-save]").tap();
        assertThat(page.locator("#field-notice")).hasText("已保存到手机，有网络时自动同步");
        assertThat(entries(page)).hasCount(1);
        assertThat(entries(page).first()).containsText("个案过程记录");
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 1");
        assertThat(documentScrollWidth(page)).isLessThanOrEqualTo(360);

        // reload while offline: still there
        page.reload();
        assertThat(page.locator("[data-testid=offline-entry][data-state=pending]"))
                .hasCount(1);
        assertThat(page.locator("[data-testid=entry-photos]")).containsText("拍摄于");
        assertThat(count("SELECT COUNT(*) FROM cw_session WHERE owner_id = ?", caseId))
                .isZero();

        // back in range: synced once, the photo with it, counted as the case's first session
        page.context().setOffline(false);
        Locator synced = page.locator("[data-testid=offline-entry][data-state=synced]");
        assertThat(synced).hasCount(1);
        assertThat(synced.locator("[data-testid=entry-state]")).hasText("已同步 · 计入");
        assertThat(page.locator("[data-testid=offline-badge]")).isHidden();
        assertThat(synced.getByText("查看个案")).hasAttribute("href", "/cases/" + caseId);
        assertThat(count("SELECT COUNT(*) FROM cw_session WHERE owner_type = 'CASE' AND owner_id = ?", caseId))
                .isEqualTo(1);
        long recordId = count("SELECT record_id FROM cw_session WHERE owner_type = 'CASE' AND owner_id = ?", caseId);
        assertThat(count(
                        "SELECT COUNT(*) FROM evidence_photo WHERE owner_type = 'SERVICE_RECORD' AND owner_id = ?",
                        recordId))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM offline_entry WHERE case_id = ? AND kind = 'CASE_SESSION' "
                                + "AND service_record_id = ?",
                        caseId,
                        recordId))
                .isEqualTo(1);
        page.navigate("/cases/" + caseId);
        assertThat(page.locator("main")).containsText("第1节（计入）");

        // offline again: a second session, but the case goes to closure (结案待审批) before the phone is back
        page.navigate("/field");
        assertThat(theCase).hasCount(1);
        page.context().setOffline(true);
        theCase.getByText("记录过程").tap();
        assertThat(page.locator("#oc-case")).hasValue(String.valueOf(caseId));
        page.locator("#oc-f-sessionGoal").fill("巩固安全习惯");
        page.locator("#oc-f-process").fill("离线第二次入户");
        page.locator("#oc-f-outcome").fill("报警器已安装");
        page.locator("[data-testid=offline-case-save]").tap();
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 1");
        jdbc.sql("UPDATE cw_case SET stage = 'CLOSING', version = version + 1 WHERE id = ?")
                .param(caseId)
                .update();
        page.context().setOffline(false);
        Locator refused = page.locator("[data-testid=offline-entry][data-state=refused]");
        assertThat(refused).hasCount(1);
        assertThat(refused.locator("[data-testid=entry-reason]")).containsText("离线期间已提交结案");
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 1");
        page.reload();
        assertThat(refused.locator("[data-testid=entry-reason]")).containsText("离线期间已提交结案");
        assertThat(count("SELECT COUNT(*) FROM cw_session WHERE owner_type = 'CASE' AND owner_id = ?", caseId))
                .isEqualTo(1);
        // the worker reads the reason and discards it: only then is it gone from the phone
        page.onceDialog(d -> d.accept());
        refused.locator("[data-testid=entry-discard]").tap();
        assertThat(refused).hasCount(0);
        assertThat(page.locator("[data-testid=offline-badge]")).isHidden();
    }

    @Test
    void aHomeAssessmentWhoseRiskChangedOnlineMeanwhileShowsBothVersions() {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        page.navigate("/field");
        page.evaluate("async () => { await navigator.serviceWorker.ready; }");
        assertThat(page.locator("[data-testid=field-status]")).containsText("离线工作集更新于");
        Map<String, Object> person = jdbc.sql(
                        "SELECT r.id, r.risk_level, r.version FROM recipient r JOIN org_unit s ON s.id = r.station_id "
                                + "WHERE s.name LIKE '沙河%' AND r.status = 'ACTIVE' AND r.merged_into_id IS NULL "
                                + "AND r.risk_level = 'LOW' ORDER BY r.id")
                .query()
                .listOfRows()
                .get(0);
        long rid = ((Number) value(person, "id")).longValue();

        page.context().setOffline(true);
        page.locator("[data-testid=new-assessment]").tap();
        page.locator("#oa-person").selectOption(String.valueOf(rid));
        page.locator("#oa-health").fill("离线入户：高血压，近日摔倒一次");
        page.locator(".oa-need").first().check();
        page.locator("#oa-risk").selectOption("HIGH");
        page.locator("[data-testid=offline-assessment-save]").tap();
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 1");

        // meanwhile, online, someone else sets the risk level to 中
        jdbc.sql("UPDATE recipient SET risk_level = 'MEDIUM', version = version + 1 WHERE id = ?")
                .param(rid)
                .update();
        page.context().setOffline(false);
        Locator conflict = page.locator("[data-testid=offline-entry][data-state=conflict]");
        assertThat(conflict).hasCount(1);
        assertThat(conflict.locator("[data-testid=entry-state]")).hasText("冲突，待选择");
        assertThat(conflict.locator("[data-testid=entry-conflict]"))
                .hasText(Pattern.compile("服务器上.*风险等级 中.*手机上.*风险等级 高"));
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 1");
        // nothing written over: the server keeps its version until the worker chooses
        assertThat(jdbc.sql("SELECT risk_level FROM recipient WHERE id = ?")
                        .param(rid)
                        .query(String.class)
                        .single())
                .isEqualTo("MEDIUM");
        assertThat(count("SELECT COUNT(*) FROM home_assessment WHERE recipient_id = ? AND health LIKE '离线入户%'", rid))
                .isZero();

        // every page says there is something left to settle
        page.navigate("/recipients");
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 1");
        page.locator("[data-testid=offline-badge]").tap();
        assertThat(page).hasURL(Pattern.compile("/field$"));

        // the worker keeps the server's level: the assessment is stored with it
        conflict.locator("[data-testid=keep-server]").tap();
        assertThat(page.locator("[data-testid=offline-entry][data-state=synced]"))
                .hasCount(1);
        assertThat(jdbc.sql("SELECT risk_level FROM recipient WHERE id = ?")
                        .param(rid)
                        .query(String.class)
                        .single())
                .isEqualTo("MEDIUM");
        assertThat(count("SELECT COUNT(*) FROM home_assessment WHERE recipient_id = ? AND health LIKE '离线入户%'", rid))
                .isEqualTo(1);
    }

    @Test
    void aRoleThatDoesNoFieldWorkKeepsNothingOnThePhone() {
        Page page = phonePage();
        login(page, "demo_bureau", "BUREAU_OFFICER");
        page.navigate("/field");
        assertThat(page.locator("#field-not-for-role")).isVisible();
        page.navigate("/recipients");
        page.waitForFunction("() => window.SgzOffline !== undefined");
        Object kept = page.evaluate("async () => { await new Promise(r => setTimeout(r, 300)); return {"
                + " field: SgzOffline.field,"
                + " dbs: (await indexedDB.databases()).map(d => d.name).filter(n => n === 'sgz-offline').length,"
                + " caches: (await caches.keys()).length,"
                + " workers: (await navigator.serviceWorker.getRegistrations()).length }; }");
        assertThat(kept).isEqualTo(Map.of("field", false, "dbs", 0, "caches", 0, "workers", 0));
        assertThat(page.request().get("/api/v1/offline/working-set").status()).isEqualTo(403);
        // without a signal nothing opens: no page, no people
        page.context().setOffline(true);
        assertThatThrownBy(() -> page.navigate("/recipients")).isInstanceOf(PlaywrightException.class);
    }

    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase());
    }
}
