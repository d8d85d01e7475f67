package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import cn.sgz.shared.ChinaTime;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21 on a 360×740 phone with Playwright's offline mode: a worker who was online once goes offline, records a
 * follow-up with a photo and a service with two sign-ins, reloads the page while offline (everything still there),
 * goes back online and both entries sync — the 待同步 indicator goes away, each shows its result; the same entry
 * replayed is stored once; an entry the server refuses (the person moved to another station meanwhile) stays on
 * the phone with the reason; logging out with it unsent warns, and logging out clears the phone.
 */
class OfflineBrowserTest extends BrowserTestSupport {

    private static final double STATION_LAT = 40.6010;
    private static final double STATION_LON = 109.9702;

    @TempDir
    Path tmp;

    @Autowired
    JdbcClient jdbc;

    private Path photo(String name) throws IOException {
        long seed = 9_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.9f),
                ChinaTime.today().atTime(10, 0),
                STATION_LAT + 0.0004,
                STATION_LON + 0.0003);
        return Files.write(tmp.resolve(name), jpeg);
    }

    private static Locator entries(Page page) {
        return page.locator("[data-testid=offline-entry]");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aDayWithoutSignal() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");

        // online once: the service worker keeps the shell, the page keeps the working set
        page.navigate("/field");
        assertThat(page.locator("main h1")).hasText("离线记录");
        page.evaluate("async () => { await navigator.serviceWorker.ready; }");
        assertThat(page.locator("[data-testid=field-status]")).containsText("离线工作集更新于");
        assertThat(page.locator("[data-testid=offline-due-entry]").first()).isVisible();

        page.context().setOffline(true);
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("离线");

        // a follow-up with a photo, for the first person due
        Locator due = page.locator("[data-testid=offline-due-entry]").first();
        String name = due.locator("b").first().textContent().strip();
        due.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录回访"))
                .tap();
        Locator fu = page.locator("[data-testid=offline-followup-form]");
        assertThat(fu).isVisible();
        assertThat(page.locator("#of-date")).hasValue(ChinaTime.today().toString());
        page.locator("#of-findings").fill("离线上门回访：老人身体平稳，需代购降压药");
        page.locator("[data-testid=offline-followup-photos]").setInputFiles(photo("visit.jpg"));
        assertThat(page.locator("#of-photos-info")).containsText("拍摄于 " + ChinaTime.today());
        page.locator("[data-testid=offline-followup-save]").tap();
        assertThat(page.locator("#field-notice")).hasText("已保存到手机，有网络时自动同步");
        assertThat(entries(page)).hasCount(1);
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 1");

        // a service with two sign-ins (and a photo)
        String title = "离线敬老活动" + Long.toString(System.nanoTime(), 36);
        page.locator("[data-testid=new-service]").tap();
        assertThat(page.locator("[data-testid=offline-service-form]")).isVisible();
        page.locator("#os-kind").selectOption("COMMUNITY_SERVICE");
        page.locator("#os-title").fill(title);
        page.locator("#os-place").fill("社工站活动室");
        page.locator("#os-count").fill("2");
        page.locator("#os-content").fill("重阳节敬老包饺子");
        page.locator("[data-testid=offline-add-signin]").tap();
        page.locator("[data-testid=offline-add-signin]").tap();
        Locator rows = page.locator("[data-testid=offline-signin-row]");
        rows.nth(0).locator(".si-name").fill("李桂兰");
        rows.nth(0).locator(".si-phone").fill("13904721234");
        rows.nth(1).locator(".si-name").fill("王秀英");
        rows.nth(1).locator(".si-phone").fill("13904725678");
        page.locator("[data-testid=offline-service-photos]").setInputFiles(photo("activity.jpg"));
        assertThat(page.locator("#os-photos-info")).containsText("拍摄于");
        page.locator("[data-testid=offline-service-save]").tap();
        assertThat(entries(page)).hasCount(2);
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 2");
        assertThat(page.locator("[data-testid=queue-count]")).hasText("2 条待同步");

        // reload while offline: the service worker opens the kept page, the entries are still there
        page.reload();
        assertThat(page.locator("main h1")).hasText("离线记录");
        assertThat(entries(page)).hasCount(2);
        assertThat(page.locator("[data-testid=offline-entry][data-state=pending]"))
                .hasCount(2);
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 2");
        assertThat(page.locator("[data-testid=entry-photos]").first()).containsText("拍摄于");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "offline-field-360-offline.png"))
                .setFullPage(true));
        // any other field page asked for offline opens the offline page too
        page.navigate("/records/new");
        assertThat(page.locator("main h1")).hasText("离线记录");
        assertThat(page.locator("[data-testid=offline-service-form]")).isVisible();
        assertThat(entries(page)).hasCount(2);
        assertThat(documentScrollWidth(page)).isLessThanOrEqualTo(360);

        // back in range: both sync in order, the indicator goes away
        page.context().setOffline(false);
        assertThat(page.locator("[data-testid=offline-entry][data-state=synced]"))
                .hasCount(2);
        assertThat(page.locator("[data-testid=offline-badge]")).isHidden();
        assertThat(page.locator("[data-testid=offline-badge]")).hasAttribute("data-pending", "0");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "offline-field-360-synced.png"))
                .setFullPage(false));
        Locator states = page.locator("[data-testid=offline-entry] [data-testid=entry-state]");
        for (int i = 0; i < 2; i++) {
            assertThat(states.nth(i)).hasText(Pattern.compile("^已同步 · (计入|不计入)$"));
        }
        assertThat(count("SELECT COUNT(*) FROM service_record WHERE title = ?", title))
                .isEqualTo(1);
        long serviceId = count("SELECT id FROM service_record WHERE title = ?", title);
        assertThat(count("SELECT COUNT(*) FROM sign_in_entry WHERE record_id = ?", serviceId))
                .isEqualTo(2);

        // the follow-up: stored once with its photo, capture time kept apart from the receive time
        @SuppressWarnings("unchecked")
        List<String> ids =
                (List<String>) page.evaluate("() => SgzOffline.allEntries().then(l => l.map(e => e.clientId))");
        assertThat(ids).hasSize(2);
        String followUpClientId = ids.get(0);
        assertThat(count(
                        "SELECT COUNT(*) FROM offline_entry WHERE client_id = ? AND kind = 'FOLLOW_UP' "
                                + "AND captured_at <> received_at",
                        followUpClientId))
                .isEqualTo(1);
        long followRecord = count("SELECT service_record_id FROM offline_entry WHERE client_id = ?", followUpClientId);
        assertThat(count(
                        "SELECT COUNT(*) FROM evidence_photo WHERE owner_type = 'SERVICE_RECORD' AND owner_id = ?",
                        followRecord))
                .isEqualTo(1);
        long followUps = count(
                "SELECT COUNT(*) FROM followup_record x JOIN recipient r ON r.id = x.recipient_id "
                        + "WHERE r.name = ? AND x.findings LIKE '离线上门回访%'",
                name);
        assertThat(followUps).isEqualTo(1);

        // the same entry replayed twice is stored once and answers with the first result
        @SuppressWarnings("unchecked")
        List<Object> replies = (List<Object>) page.evaluate(
                "async (id) => { const e = await SgzOffline.getEntry(id);"
                        + " const h = {'Content-Type': 'application/json'};"
                        + " h[document.querySelector('meta[name=_csrf_header]').content] ="
                        + "   document.querySelector('meta[name=_csrf]').content;"
                        + " const out = [];"
                        + " for (let i = 0; i < 2; i++) {"
                        + "   const r = await fetch('/api/v1/offline/entries', {method: 'POST', headers: h, body: JSON.stringify(e.payload)});"
                        + "   const b = await r.json(); out.push(r.status, b.replayed, b.serviceRecordId); }"
                        + " return out; }",
                followUpClientId);
        assertThat(replies.get(0)).isEqualTo(200);
        assertThat(replies.get(1)).isEqualTo(true);
        assertThat(((Number) replies.get(2)).longValue()).isEqualTo(followRecord);
        assertThat(replies.get(3)).isEqualTo(200);
        assertThat(count(
                        "SELECT COUNT(*) FROM followup_record x JOIN recipient r ON r.id = x.recipient_id "
                                + "WHERE r.name = ? AND x.findings LIKE '离线上门回访%'",
                        name))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM offline_entry WHERE client_id = ?", followUpClientId))
                .isEqualTo(1);

        refusedEntryStaysAndLogoutWarns(page);
    }

    /** Offline again: a follow-up for someone who is moved to another station before the phone is back online. */
    private void refusedEntryStaysAndLogoutWarns(Page page) {
        page.navigate("/field");
        assertThat(entries(page)).hasCount(2);
        page.locator("#clear-synced").tap();
        assertThat(entries(page)).hasCount(0);
        Map<String, Object> person = jdbc.sql(
                        "SELECT r.id, r.name, r.station_id, r.org_unit_id, r.org_path FROM recipient r "
                                + "JOIN org_unit s ON s.id = r.station_id WHERE s.name LIKE '沙河%' AND r.status = 'ACTIVE' "
                                + "AND r.merged_into_id IS NULL ORDER BY r.id DESC")
                .query()
                .listOfRows()
                .get(0);
        Map<String, Object> other = jdbc.sql(
                        "SELECT id, path FROM org_unit WHERE type = 'STATION' AND name LIKE '萨如拉%'")
                .query()
                .singleRow();
        long rid = ((Number) value(person, "id")).longValue();
        page.context().setOffline(true);
        page.locator("[data-testid=new-followup]").tap();
        page.locator("#of-person").selectOption(String.valueOf(rid));
        page.locator("#of-method-phone").check();
        page.locator("#of-findings").fill("电话回访：家属说老人已搬去萨如拉街道女儿家");
        page.locator("[data-testid=offline-followup-save]").tap();
        assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 1");
        try {
            jdbc.sql("UPDATE recipient SET station_id = ?, org_unit_id = ?, org_path = ? WHERE id = ?")
                    .params(value(other, "id"), value(other, "id"), value(other, "path"), rid)
                    .update();
            page.context().setOffline(false);
            Locator refused = page.locator("[data-testid=offline-entry][data-state=refused]");
            assertThat(refused).hasCount(1);
            assertThat(refused.locator("[data-testid=entry-state]")).hasText("被拒绝");
            assertThat(refused.locator("[data-testid=entry-reason]")).containsText("已不在您的社工站");
            assertThat(page.locator("[data-testid=offline-badge]")).hasText("待同步 1");
            // still there after a reload, with its reason; it is not sent again by itself
            page.reload();
            assertThat(refused.locator("[data-testid=entry-reason]")).containsText("已不在您的社工站");
            assertThat(refused.locator("[data-testid=entry-edit]")).isVisible();
            assertThat(refused.locator("[data-testid=entry-discard]")).isVisible();

            // logging out with it unsent warns; cancelling keeps everything
            List<String> messages = new ArrayList<>();
            page.onceDialog(d -> {
                messages.add(d.message());
                d.dismiss();
            });
            page.locator(".menu-toggle").tap();
            page.locator("nav.side")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("退出登录"))
                    .tap();
            page.waitForCondition(() -> messages.size() == 1);
            assertThat(refused).hasCount(1);
            assertThat(messages.get(0)).contains("1 条离线记录没有同步");
            assertThat(page).hasURL(Pattern.compile("/field$"));

            page.onceDialog(d -> d.accept());
            page.locator("nav.side")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("退出登录"))
                    .tap();
            assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
            Object left = page.evaluate("async () => ({"
                    + " dbs: (await indexedDB.databases()).map(d => d.name).filter(n => n === 'sgz-offline').length,"
                    + " caches: (await caches.keys()).filter(k => k.startsWith('sgz-')).length,"
                    + " workers: (await navigator.serviceWorker.getRegistrations()).length })");
            assertThat(left).isEqualTo(Map.of("dbs", 0, "caches", 0, "workers", 0));
        } finally {
            jdbc.sql("UPDATE recipient SET station_id = ?, org_unit_id = ?, org_path = ? WHERE id = ?")
                    .params(value(person, "station_id"), value(person, "org_unit_id"), value(person, "org_path"), rid)
                    .update();
        }
    }

    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase());
    }
}
