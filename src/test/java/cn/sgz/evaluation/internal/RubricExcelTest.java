package cn.sgz.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.shared.BusinessException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rubric Excel: an exported rubric imports unchanged (the built-in example and one with every method,
 * decimals and formula-like text), and each kind of bad cell is reported with its sheet, row and column in
 * Chinese (table-driven).
 */
class RubricExcelTest {

    /**
     * Rows of 评分细则 once written: 1 header; 2–3 F1 (程度分: 好 5, 中 3); 4–5 F2 (组合分 3 + 3); 6 C1 (按完成比例);
     * 7–8 C2 (按达标状态: 已达标 8, 有风险 4); 9 S1 (满意度).
     */
    static final String SAMPLE = String.join(
            "\n",
            "code: excel-test",
            "name: 测试细则",
            "sections:",
            "  - name: 服务设施",
            "    items:",
            "      - code: F1",
            "        name: 标牌",
            "        max: 5",
            "        method: JUDGEMENT",
            "        materials: \"=现场照片\"",
            "        levels:",
            "          - name: 好",
            "            points: 5",
            "          - name: 中",
            "            points: 2.5",
            "      - code: F2",
            "        name: 功能区",
            "        max: 6",
            "        method: COMBINATION",
            "        parts:",
            "          - name: \"-功能区齐全\"",
            "            max: 3",
            "          - name: 设备",
            "            max: 3",
            "  - name: 服务内容",
            "    items:",
            "      - code: C1",
            "        name: 入户评估",
            "        max: 8",
            "        method: FROM_INDICATOR",
            "        indicator: M01.1",
            "        by: SHARE",
            "      - code: C2",
            "        name: 个案",
            "        max: 8",
            "        method: FROM_INDICATOR",
            "        indicator: M01.2",
            "        by: STATUS",
            "        points: {MET: 8, AT_RISK: 4.5}",
            "  - name: 服务满意度",
            "    items:",
            "      - code: S1",
            "        name: 满意度",
            "        max: 10",
            "        method: FROM_SATISFACTION",
            "");

    static Rubric sample() {
        return RubricYaml.parse(SAMPLE);
    }

    @Test
    void anExportedRubricImportsUnchanged() throws Exception {
        Rubric builtin = RubricYaml.parse(RubricYamlTest.builtin());
        for (Rubric r : List.of(builtin, sample())) {
            byte[] xlsx = RubricExcel.write(r);
            Rubric back = RubricExcel.parse(xlsx);
            assertThat(back).isEqualTo(r);
            assertThat(RubricYaml.write(back)).isEqualTo(RubricYaml.write(r));
            // and once more: the second export reads as the first
            assertThat(RubricExcel.parse(RubricExcel.write(back))).isEqualTo(r);
        }
    }

    @Test
    void theFileIsLaidOutForAClerk() throws Exception {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(RubricExcel.write(sample())))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("细则信息");
            Sheet s = book.getSheet("评分细则");
            assertThat(text(s, "A1")).isEqualTo("评分部分");
            assertThat(text(s, "J1")).isEqualTo("需提供材料");
            assertThat(text(s, "B2")).isEqualTo("F1");
            assertThat(text(s, "E2")).isEqualTo("程度分");
            assertThat(s.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(5.0);
            assertThat(text(s, "H3")).isEqualTo("中");
            assertThat(s.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(2.5);
            // formula-like text is neutralised in the file and restored on import
            assertThat(text(s, "J2")).isEqualTo("'=现场照片");
            assertThat(text(s, "E4")).isEqualTo("组合分");
            assertThat(text(s, "G6")).isEqualTo("按完成比例");
            assertThat(text(s, "H7")).isEqualTo("已达标");
            assertThat(text(s, "H8")).isEqualTo("有风险");
            assertThat(text(s, "E9")).isEqualTo("满意度自动计分");
            assertThat(book.getSheet("填写说明")).isNotNull();
        }
    }

    @Test
    void cellsTypedByHandAreAccepted() throws Exception {
        // numbers typed as text, the method's code instead of its name, the item code repeated on its continuation row
        Rubric r = RubricExcel.parse(edit(
                RubricExcel.write(sample()),
                set("D2", "5"),
                set("E2", "JUDGEMENT"),
                set("B3", "F1"),
                set("A3", "服务设施")));
        assertThat(r).isEqualTo(sample());
    }

    static Stream<Arguments> badCells() {
        return Stream.of(
                Arguments.of("满分不是数字", set("D2", "五分"), "工作表“评分细则”第2行 D列：满分应为数字，而不是“五分”"),
                Arguments.of("满分超过 1000", set("D9", 1001), "工作表“评分细则”第9行 D列：满分应大于 0 且不超过 1000"),
                Arguments.of("缺少满分", set("D9", null), "工作表“评分细则”第9行 D列：缺少满分"),
                Arguments.of("档次得分超出满分", set("I3", 9), "工作表“评分细则”第3行 I列：档次“中”的得分 9 超出 0～5"),
                Arguments.of("分值三位小数", set("I3", "2.555"), "工作表“评分细则”第3行 I列：档次分值最多保留两位小数"),
                Arguments.of("档次缺少得分", set("I3", null), "工作表“评分细则”第3行 I列：缺少档次得分"),
                Arguments.of(
                        "程度分没有档次",
                        both(set("H2", null), set("I2", null), set("H3", null), set("I3", null)),
                        "工作表“评分细则”第2行 H列：程度分须在“档次/组成部分/状态”列逐行列出档次及得分"),
                Arguments.of(
                        "计分方式不存在", set("E2", "打分"), "工作表“评分细则”第2行 E列：计分方式“打分”不存在，可选：指标自动计分、程度分、组合分、满意度自动计分、经费执行自动计分"),
                Arguments.of("组成部分之和不等于满分", set("I5", 4), "工作表“评分细则”第4行 D列：各组成部分满分之和 7 与本项满分 6 不一致"),
                Arguments.of("组成部分满分为 0", set("I5", 0), "工作表“评分细则”第5行 I列：组成部分满分应大于 0"),
                Arguments.of("缺少指标编码", set("F6", null), "工作表“评分细则”第6行 F列：指标自动计分须填写对应指标编码"),
                Arguments.of("自动计分依据不存在", set("G6", "按人数"), "工作表“评分细则”第6行 G列：自动计分依据“按人数”不存在，可选：按达标状态、按完成比例"),
                Arguments.of("程度分填了指标", set("F2", "M01.1"), "工作表“评分细则”第2行 F列：只有指标自动计分的评分项填写对应指标编码"),
                Arguments.of("状态不存在", set("H8", "很好"), "工作表“评分细则”第8行 H列：状态“很好”不存在，可选：已达标、进度正常、有风险、未达标、未到期"),
                Arguments.of("状态重复", set("H8", "MET"), "工作表“评分细则”第8行 H列：状态“已达标”与第7行重复"),
                Arguments.of("状态得分超出满分", set("I8", 9), "工作表“评分细则”第8行 I列：状态“有风险”的得分 9 超出 0～8"),
                Arguments.of("满意度项填了档次", set("I9", 5), "工作表“评分细则”第9行 I列：满意度自动计分的评分项不填档次、组成部分或状态"),
                Arguments.of("评分项编码重复", set("B9", "C1"), "工作表“评分细则”第9行 B列：评分项编码“C1”与第6行重复"),
                Arguments.of(
                        "续行与评分项不一致",
                        set("C3", "另一项"),
                        "工作表“评分细则”第3行 C列：续行只填写“档次/组成部分/状态”和“分值”（“评分项名称”与第2行的评分项不一致；新的评分项请填写新的评分项编码）"),
                Arguments.of("缺少评分项名称", set("C4", null), "工作表“评分细则”第4行 C列：缺少评分项名称"),
                Arguments.of("第一项没有评分部分", set("A2", null), "工作表“评分细则”第2行 A列：第一个评分项须填写评分部分"),
                Arguments.of("评分部分不连续", set("A9", "服务设施"), "工作表“评分细则”第9行 A列：评分部分“服务设施”已在第2行出现，同一部分的评分项应连续排列"),
                Arguments.of("表头被改", set("C1", "名字"), "工作表“评分细则”第1行 C列：表头应为“评分项名称”，而不是“名字”（请使用导出的模板）"),
                Arguments.of("细则编码有空格", info("B2", "excel test"), "工作表“细则信息”第2行 B列：细则编码只能包含字母、数字、点、横线和下划线，且不超过 60 个字符"),
                Arguments.of("细则名称为空", info("B3", null), "工作表“细则信息”第3行 B列：细则名称不能为空"),
                Arguments.of(
                        "缺少工作表",
                        (Consumer<Workbook>) b -> b.removeSheetAt(b.getSheetIndex("细则信息")),
                        "工作表“细则信息”：缺少工作表“细则信息”（请使用导出的模板）"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCells")
    void badCellsAreNamedBySheetRowAndColumn(String why, Consumer<Workbook> change, String expected) throws Exception {
        byte[] bad = edit(RubricExcel.write(sample()), change);
        try {
            RubricExcel.parse(bad);
        } catch (BusinessException e) {
            assertThat(e.problems())
                    .extracting(BusinessException.FieldProblem::message)
                    .as(why)
                    .contains(expected);
            assertThat(e.getMessage()).contains("未导入任何内容");
            return;
        }
        throw new AssertionError(why + ": expected problems");
    }

    @Test
    void aFileThatIsNotExcelIsRefused() {
        try {
            RubricExcel.parse("code: x".getBytes(StandardCharsets.UTF_8));
        } catch (BusinessException e) {
            assertThat(e.getMessage()).isEqualTo("不是有效的 Excel（.xlsx）文件，请使用导出的模板");
            assertThat(e.problems().get(0).field()).isEqualTo("file");
            return;
        }
        throw new AssertionError("expected a refusal");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    @SafeVarargs
    static byte[] edit(byte[] xlsx, Consumer<Workbook>... changes) throws Exception {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Consumer<Workbook> c : changes) {
                c.accept(book);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @SafeVarargs
    static Consumer<Workbook> both(Consumer<Workbook>... changes) {
        return b -> List.of(changes).forEach(c -> c.accept(b));
    }

    static Consumer<Workbook> set(String ref, Object value) {
        return b -> put(b.getSheet("评分细则"), ref, value);
    }

    static Consumer<Workbook> info(String ref, Object value) {
        return b -> put(b.getSheet("细则信息"), ref, value);
    }

    static void put(Sheet s, String ref, Object value) {
        CellReference c = new CellReference(ref);
        Row row = s.getRow(c.getRow()) == null ? s.createRow(c.getRow()) : s.getRow(c.getRow());
        if (value == null) {
            Cell cell = row.getCell(c.getCol());
            if (cell != null) {
                row.removeCell(cell);
            }
        } else if (value instanceof Number n) {
            row.createCell(c.getCol()).setCellValue(n.doubleValue());
        } else {
            row.createCell(c.getCol()).setCellValue(value.toString());
        }
    }

    static String text(Sheet s, String ref) {
        CellReference c = new CellReference(ref);
        return s.getRow(c.getRow()).getCell(c.getCol()).getStringCellValue();
    }
}
