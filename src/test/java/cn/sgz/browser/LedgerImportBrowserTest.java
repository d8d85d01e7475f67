package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A 驻站社工 imports a district list: the first upload has one bad ID number, the check names its row
 * and column with a Chinese reason and offers no confirm; the fixed file passes, is confirmed, and the
 * people are found in the ledger by name.
 */
class LedgerImportBrowserTest extends BrowserTestSupport {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] HEADERS = {"姓名", "性别", "身份证号", "联系电话", "住址", "村(社区)", "类别"};
    /** 石拐区: an area code the demo ledgers do not use, so no generated number meets a demo person. */
    private static final String AREA = "150205";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** One person on the list (a data row). */
    private record Person(
            String name,
            String gender,
            String idNumber,
            String phone,
            String address,
            String village,
            String category) {

        Person withIdNumber(String other) {
            return new Person(name, gender, other, phone, address, village, category);
        }
    }

    @Test
    void workerFixesBadRowThenImportsListAndFindsPeopleInLedger() {
        long run = System.nanoTime();
        String tag = String.format("%05d", Math.floorMod(run / 1000, 100_000L));
        String namePrefix = "网页导入" + tag;
        List<Person> people = people(run, namePrefix);
        // Row 3 of the sheet (the second person): last character of the ID number changed to a wrong one
        Person good = people.get(1);
        String badId = good.idNumber().substring(0, 17)
                + otherCheckChar(good.idNumber().charAt(17));
        List<Person> withBadRow = new ArrayList<>(people);
        withBadRow.set(1, good.withIdNumber(badId));

        Page page = desktopPage();
        login(page, "demo_worker", "SOCIAL_WORKER");

        page.navigate("/recipients");
        page.locator("#recipient-import-link").click();
        assertThat(page).hasURL(Pattern.compile("/recipients/import$"));
        assertThat(page.locator("main h1")).hasText("导入辖区名单");
        // The worker's own station is preselected
        assertThat(page.locator("#import-station option:checked")).hasText("沙河街道社工站");

        // 1. The list with the bad row: every problem listed, nothing importable
        page.locator("#import-file").setInputFiles(new FilePayload("辖区名单-有误.xlsx", XLSX, xlsx(withBadRow)));
        page.locator("#import-check").click();
        assertThat(page.locator("main h1")).hasText("名单检查结果");
        assertThat(page.locator("#import-summary")).hasAttribute("data-status", "HAS_PROBLEMS");
        assertThat(page.locator("#import-summary")).containsText("辖区名单-有误.xlsx");
        assertThat(page.locator("#import-summary")).containsText("沙河街道社工站");
        assertThat(page.locator("#import-rows")).hasText("3");
        assertThat(page.locator("#import-problem-count")).hasText("1");
        assertThat(page.locator("#import-summary")).containsText("本次没有写入任何数据");

        Locator errors = page.locator("[data-testid=import-errors]");
        assertThat(errors).isVisible();
        assertThat(errors.locator("tbody tr")).hasCount(1);
        Locator problem = errors.locator("tbody tr[data-row='3'][data-column='C']");
        assertThat(problem).hasCount(1);
        assertThat(problem.locator("td")).hasText(new String[] {"第3行", "C", "身份证号", "身份证号校验位不正确，请核对号码"});
        assertThat(page.locator("[data-testid=import-confirm]")).hasCount(0);
        assertThat(page.locator("#import-ready")).hasCount(0);

        // Nobody from the list reached the ledger
        searchLedger(page, namePrefix);
        assertThat(page.locator("#ledger-total b")).hasText("0");

        // 2. The fixed list passes the check and is confirmed
        page.navigate("/recipients/import");
        page.locator("#import-file").setInputFiles(new FilePayload("辖区名单.xlsx", XLSX, xlsx(people)));
        page.locator("#import-check").click();
        assertThat(page.locator("#import-summary")).hasAttribute("data-status", "CHECKED");
        assertThat(page.locator("#import-rows")).hasText("3");
        assertThat(page.locator("#import-problem-count")).hasText("0");
        assertThat(page.locator("[data-testid=import-errors]")).hasCount(0);
        assertThat(page.locator("#import-ready")).containsText("将新增 3 人，更新 0 人");
        page.locator("[data-testid=import-confirm]").click();

        page.waitForURL(Pattern.compile("/recipients$"));
        assertThat(page.locator("#notice")).hasText("已导入“辖区名单.xlsx”：新增 3 人，更新 0 人");

        // 3. The people are in the ledger: found by name, ID numbers masked, placed in their village
        searchLedger(page, namePrefix);
        assertThat(page.locator("#ledger-total b")).hasText("3");
        Locator rows = page.locator("#ledger-table tbody tr");
        assertThat(rows).hasCount(3);
        for (Person p : people) {
            Locator row = rows.filter(new Locator.FilterOptions()
                    .setHas(page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName(p.name()).setExact(true))));
            assertThat(row).hasCount(1);
            Locator cells = row.locator("td");
            assertThat(cells.nth(1)).containsText(p.gender());
            assertThat(cells.nth(2)).hasText(masked(p.idNumber()));
            assertThat(cells.nth(3)).hasText(p.village() == null ? "沙河街道社工站" : p.village() + "社区社工室");
        }
        assertThat(page.locator("#ledger-table")).not().containsText(badId);

        // The one with the once-bad number has the corrected one (last four shown)
        searchLedger(page, good.name());
        assertThat(page.locator("#ledger-total b")).hasText("1");
        assertThat(page.locator("#ledger-table tbody tr td").nth(2)).hasText(masked(good.idNumber()));
    }

    /** What the ledger shows of an ID number: area code and last four. */
    private static String masked(String idNumber) {
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }

    private static void searchLedger(Page page, String name) {
        page.navigate("/recipients");
        page.locator("#s-name").fill(name);
        page.locator("#ledger-search-submit").click();
        page.waitForURL(Pattern.compile("/recipients\\?.*name="));
        assertThat(page.locator("#s-name")).hasValue(name);
    }

    /** Three synthetic elderly people, unique to this run: birth dates and sequence numbers from the clock. */
    private static List<Person> people(long run, String namePrefix) {
        LocalDate base = LocalDate.of(1944, 1, 1);
        int span = 15 * 365; // born 1944..1958: all over 60
        String[] suffix = {"甲", "乙", "丙"};
        String[] villages = {"新光一村", "滨河", null};
        String[] categories = {"困难老人、空巢", "低保", "特困"};
        List<Person> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LocalDate birth = base.plusDays(Math.floorMod(run / 7 + i * 997L, span));
            int seq = (int) Math.floorMod(run / 13 + i * 37L, 1000L);
            String first17 = AREA
                    + String.format(
                            "%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), seq);
            String id = first17 + checkChar(first17);
            String gender = seq % 2 == 1 ? "男" : "女";
            String phone = "139" + String.format("%08d", Math.floorMod(run / 17 + i, 100_000_000L));
            list.add(new Person(
                    namePrefix + suffix[i],
                    gender,
                    id,
                    phone,
                    "九原区沙河街道测试路" + (i + 1) + "号",
                    villages[i],
                    categories[i]));
        }
        return list;
    }

    /** GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
    static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static char otherCheckChar(char c) {
        return c == '1' ? '2' : '1';
    }

    /** A real .xlsx as a district office would send it: header row, then one row per person, all text cells. */
    private static byte[] xlsx(List<Person> people) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("名单");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                header.createCell(c).setCellValue(HEADERS[c]);
            }
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                Row row = sheet.createRow(i + 1);
                String[] values = {p.name(), p.gender(), p.idNumber(), p.phone(), p.address(), p.village(), p.category()
                };
                for (int c = 0; c < values.length; c++) {
                    if (values[c] != null) {
                        row.createCell(c).setCellValue(values[c]);
                    }
                }
            }
            wb.write(out);
            byte[] bytes = out.toByteArray();
            assertThat(bytes.length).isPositive();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
