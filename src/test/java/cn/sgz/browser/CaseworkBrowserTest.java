package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import cn.sgz.shared.ChinaTime;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Casework on a phone (issue 6): a case from intake to the head's approval with five counting sessions;
 * a group of five sessions where one has fewer people than the project minimum and says so; the case
 * file downloaded as Word and read back.
 */
class CaseworkBrowserTest extends BrowserTestSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final double STATION_LAT = 40.6010;
    private static final double STATION_LON = 109.9702;
    private static final Pattern CASE_URL = Pattern.compile("/cases/(\\d+)(?:[?#].*)?$");
    private static final Pattern GROUP_URL = Pattern.compile("/groups/(\\d+)(?:[?#].*)?$");

    @TempDir
    Path tmp;

    @Test
    void caseFromIntakeToApprovedClosureWithFiveSessions() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        String title = "浏览器个案" + Long.toString(System.nanoTime(), 36);
        long id = openCase(page, title, "女，79岁，独居");

        fill(page, id, "ASSESSMENT", "needs", "情绪支持与照料", "strengths", "邻居热心", "conclusion", "先处理安全问题");
        page.locator("#f-riskLevel").selectOption("中");
        save(page, "已保存预估表");
        assertStage(page, "ASSESSED");

        fill(page, id, "AGREEMENT", "signer", "王大娘", "services", "每周上门一次，共五次", "period", "两个月");
        page.locator("#f-signerRelation").selectOption("本人");
        page.locator("[data-testid=save-form]").click();
        page.waitForURL(url -> url.contains("/forms/AGREEMENT"));
        assertThat(page.locator("[data-testid=notice]")).hasText("已保存服务协议。");
        // the recipient signs on the screen
        Locator pad = page.locator("[data-testid=signature-pad]");
        pad.scrollIntoViewIfNeeded();
        BoundingBox box = pad.boundingBox();
        page.mouse().move(box.x + 20, box.y + box.height / 2);
        page.mouse().down();
        page.mouse()
                .move(box.x + box.width / 2, box.y + 15, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse()
                .move(
                        box.x + box.width - 20,
                        box.y + box.height - 15,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        page.locator("[data-testid=signature-save]").click();
        assertThat(page.locator("[data-testid=notice]")).hasText("已保存现场签名。");
        assertThat(page.locator("[data-testid=signature-photo]")).hasCount(1);
        assertFitsPhone(page);

        fill(
                page,
                id,
                "PLAN",
                "overallGoal",
                "恢复独立生活",
                "goals",
                "1. 情绪稳定\n2. 链接助餐",
                "strategy",
                "优势视角",
                "measures",
                "每周上门",
                "plannedSessions",
                "5");
        save(page, "已保存工作计划表。");
        assertStage(page, "PLANNED");

        for (int i = 1; i <= 5; i++) {
            page.locator("[data-testid=new-session]").click();
            page.locator("#place").fill("案主家中");
            page.locator("#f-sessionGoal").fill("第" + i + "次目标");
            page.locator("#f-process").fill("上门交谈第" + i + "次");
            page.locator("#f-outcome").fill("情绪好转");
            page.locator("[data-testid=session-photo]").setInputFiles(photo("case-" + i + ".jpg"));
            assertFitsPhone(page);
            page.locator("[data-testid=save-session]").click();
            page.waitForURL(CASE_URL.asPredicate());
            assertThat(page.locator("[data-testid=notice]")).hasText("已记录，计入第" + i + "节。");
        }
        Locator rows = page.locator("[data-testid=session-row]");
        assertThat(rows).hasCount(5);
        assertThat(page.locator("[data-testid=session-row][data-counts=true]")).hasCount(5);
        assertThat(page.locator("#session-count")).hasText("5 次，计入 5 节");
        assertStage(page, "INTERVENING");

        fill(page, id, "EVALUATION", "goalsMet", "目标达成", "before", "不敢出门", "after", "每天散步", "workerSummary", "可以结案");
        page.locator("#f-method").selectOption("前后测对比");
        save(page, "已保存评估表。");
        fill(page, id, "CLOSURE", "summary", "五次服务，目标达成", "followUp", "一个月后回访");
        page.locator("#f-reason").selectOption("服务目标达成");
        save(page, "已提交结案申请，等待站长审批。");
        assertStage(page, "CLOSING");
        assertThat(page.locator("[data-testid=approve-closure]")).hasCount(0);
        assertFitsPhone(page);

        Page head = phonePage();
        login(head, "demo_head", "STATION_HEAD");
        head.navigate("/cases/" + id);
        head.locator("[data-testid=approve-closure]").click();
        assertThat(head.locator("[data-testid=notice]")).hasText("已批准结案。");
        assertStage(head, "CLOSED");
        assertThat(head.locator("[data-testid=step][data-done=true]")).hasCount(7);

        // the other station's worker cannot open it
        Page other = phonePage();
        login(other, "demo_worker2", "SOCIAL_WORKER");
        assertThat(other.navigate("/cases/" + id).status()).isEqualTo(404);
    }

    @Test
    void groupOfFiveSessionsShowsTheOneUnderTheMinimumAsNotCounting() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        String name = "浏览器小组" + Long.toString(System.nanoTime(), 36);
        page.navigate("/groups");
        page.locator("[data-testid=new-group]").click();
        page.locator("#name").fill(name);
        page.locator("#domain").selectOption("ELDERLY");
        page.locator("#f-background").fill("老人缺少交流");
        page.locator("#f-goals").fill("建立互助网络");
        page.locator("#f-members").fill("8 名老人");
        page.locator("#f-plannedSessions").fill("5");
        page.locator("#f-schedule").fill("每周三下午，社区活动室");
        assertFitsPhone(page);
        page.locator("[data-testid=save-group]").click();
        page.waitForURL(GROUP_URL.asPredicate());
        assertThat(page.locator("#min-attendees")).hasText("6 人");

        String[] people = {
            "刘淑芬 13904721201",
            "王建国 13904721202",
            "张秀英 13904721203",
            "李志强 13904721204",
            "赵玉兰 13904721205",
            "孙海燕 13904721206"
        };
        for (int i = 1; i <= 5; i++) {
            page.locator("[data-testid=new-unit]").click();
            page.locator("#f-theme").fill("第" + i + "节主题");
            page.locator("#f-goals").fill("相互认识");
            page.locator("#f-plannedDate").fill(today().toString());
            page.locator("#f-activities").fill("暖身、分享、总结");
            page.locator("[data-testid=save-form]").click();
            assertThat(page.locator("[data-testid=notice]")).hasText("已保存第" + i + "节的单元计划书。");

            page.locator("[data-testid=new-session]").click();
            page.locator("#unitSeq").selectOption(String.valueOf(i));
            page.locator("#f-sessionGoal").fill("第" + i + "节目标");
            page.locator("#f-process").fill("按单元计划开展");
            page.locator("#f-outcome").fill("互动良好");
            int count = i == 3 ? 4 : 6;
            page.locator("#attendance").fill(String.join("\n", java.util.Arrays.copyOf(people, count)));
            page.locator("[data-testid=session-photo]").setInputFiles(photo("group-" + i + ".jpg"));
            page.locator("[data-testid=save-session]").click();
            page.waitForURL(GROUP_URL.asPredicate());
            assertThat(page.locator("[data-testid=notice]")).containsText(i == 3 ? "不计入：签到 4 人" : "已记录，计入第");
        }
        assertThat(page.locator("[data-testid=session-row]")).hasCount(5);
        Locator small = page.locator("[data-testid=session-row][data-unit='3']");
        assertThat(small).hasAttribute("data-counts", "false");
        assertThat(small.locator("[data-testid=session-attendees]")).hasText("4 人");
        assertThat(small.locator("[data-testid=session-count]")).hasText("不计入");
        assertThat(small.locator("[data-testid=session-reason]")).hasText("签到 4 人，少于本项目要求的每节不少于 6 人");
        assertThat(page.locator("[data-testid=session-row][data-counts=true]")).hasCount(4);
        assertThat(page.locator("[data-testid=session-row][data-unit='5'] [data-testid=session-count]"))
                .hasText("第4节（计入）");
        assertThat(page.locator("[data-testid=group-count]")).hasText("5 次，计入 4 节");
        assertFitsPhone(page);
    }

    @Test
    void caseFileDownloadsAsWordWithTheFormsAndTheEnteredText() throws IOException {
        Page page = desktopPage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        String tag = Long.toString(System.nanoTime(), 36);
        long id = openCase(page, "导出个案" + tag, "男，81岁，老伴去世后独居" + tag);
        fill(page, id, "ASSESSMENT", "needs", "需要有人定期探访" + tag, "strengths", "儿子在外地但常打电话", "conclusion", "先建立探访机制");
        page.locator("#f-riskLevel").selectOption("高");
        save(page, "已保存预估表。");

        Download download = page.waitForDownload(
                () -> page.locator("[data-testid=export-case]").click());
        assertThat(download.suggestedFilename()).endsWith(".docx").startsWith("个案档案-GA");
        Path file = tmp.resolve("case.docx");
        download.saveAs(file);
        try (InputStream in = Files.newInputStream(file);
                XWPFDocument doc = new XWPFDocument(in)) {
            String text =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("个案接案记录表", "预估表", "服务协议", "工作计划表", "过程记录表", "评估表", "结案表");
            String tables = doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            assertThat(tables)
                    .contains("导出个案" + tag)
                    .contains("老伴去世后独居" + tag)
                    .contains("需要有人定期探访" + tag)
                    .contains("高")
                    .contains("沙河街道社工站");
        }
    }

    /** Opens a case from the list: the first ledger person of the station, intake form filled. */
    private long openCase(Page page, String title, String basicInfo) {
        page.navigate("/cases");
        page.locator("[data-testid=new-case]").click();
        // the people picker: two characters of a ledger person's name (recently served people are offered first
        // when nothing is typed, but which those are depends on what earlier tests recorded)
        tools.jackson.databind.JsonNode person = new tools.jackson.databind.ObjectMapper()
                .readTree(page.request().get("/api/v1/recipients?size=5").text())
                .get("items")
                .get(0);
        page.locator("#client-picker-q")
                .pressSequentially(person.get("name").asText().substring(0, 2));
        page.locator("[data-testid=person-option][data-id='" + person.get("id").asLong() + "']")
                .click();
        assertThat(page.locator("[data-testid=picked-person]")).hasCount(1);
        page.locator("#domain").selectOption("SOCIAL_ASSISTANCE");
        page.locator("#case-title").fill(title);
        page.locator("#f-source").selectOption("主动求助");
        page.locator("#f-basicInfo").fill(basicInfo);
        page.locator("#f-problem").fill("跌倒后不敢出门");
        page.locator("#f-intakeOpinion").fill("符合接案条件");
        assertFitsPhone(page);
        page.locator("[data-testid=save-case]").click();
        page.waitForURL(CASE_URL.asPredicate());
        assertThat(page.locator("#case-title")).containsText(title);
        assertThat(page.locator("[data-testid=notice]")).containsText("已接案");
        assertStage(page, "INTAKE");
        Matcher m = CASE_URL.matcher(page.url());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Opens a form of the case from its step list and fills text fields (key, value pairs). */
    private static void fill(Page page, long id, String type, String... kv) {
        page.navigate("/cases/" + id);
        page.locator("[data-testid=edit-" + type + "]").click();
        assertThat(page.locator("[data-testid=cw-form]")).isVisible();
        for (int i = 0; i < kv.length; i += 2) {
            page.locator("#f-" + kv[i]).fill(kv[i + 1]);
        }
    }

    private static void save(Page page, String notice) {
        page.locator("[data-testid=save-form]").click();
        page.waitForURL(CASE_URL.asPredicate());
        assertThat(page.locator("[data-testid=notice]")).hasText(notice.endsWith("。") ? notice : notice + "。");
    }

    private static void assertStage(Page page, String stage) {
        assertThat(page.locator("[data-testid=case-stage]")).hasAttribute("data-stage", stage);
    }

    private static void assertFitsPhone(Page page) {
        int width = page.viewportSize().width;
        assertThat(documentScrollWidth(page))
                .as("page %s scrolls sideways", page.url())
                .isLessThanOrEqualTo(width);
    }

    private static LocalDate today() {
        return ChinaTime.today();
    }

    /** A JPEG taken at 10:00 today some 50 m from 沙河街道社工站, of a scene unique to this run. */
    private Path photo(String name) throws IOException {
        long seed = 7_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.9f),
                today().atTime(10, 0),
                STATION_LAT + 0.0004,
                STATION_LON + 0.0003);
        return Files.write(tmp.resolve(name), jpeg);
    }
}
