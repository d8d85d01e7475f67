package cn.sgz.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.CatalogContent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Excel layout: round trips, and malformed sheets answered with the sheet, row and column. */
class CatalogExcelTest {

    @ParameterizedTest
    @ValueSource(strings = {"catalogs/jiuyuan-2024.yaml", "catalogs/zhalainuoer-2026.yaml"})
    void builtInCatalogsRoundTripThroughExcel(String file) {
        CatalogContent c = CatalogYaml.parse(BuiltinCatalogs.read(file));
        assertThat(CatalogExcel.parse(CatalogExcel.export(c))).isEqualTo(c);
    }

    /** The first tier's target column: after the fixed columns and the optional 计数方式/最少次数. */
    static final int TIERS = CatalogExcel.COLUMNS.size() + CatalogExcel.EXTRA.size();

    @Test
    void twoTierCatalogRoundTripsAndTierColumnsAreLabelled() throws Exception {
        CatalogContent c = CatalogYaml.parse(CatalogYamlTest.SMALL);
        byte[] xlsx = CatalogExcel.export(c);
        assertThat(CatalogExcel.parse(xlsx)).isEqualTo(c);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row head = book.getSheet("服务清单").getRow(0);
            assertThat(head.getCell(CatalogExcel.COLUMNS.size()).getStringCellValue())
                    .isEqualTo("计数方式");
            assertThat(head.getCell(CatalogExcel.COLUMNS.size() + 1).getStringCellValue())
                    .isEqualTo("最少次数");
            assertThat(head.getCell(TIERS).getStringCellValue()).isEqualTo("10万指标值");
            assertThat(head.getCell(TIERS + 1).getStringCellValue()).isEqualTo("20万指标值");
        }
    }

    @Test
    void aBureauMayLeaveRepeatedTaskAndItemCellsBlankAndTypeNumbers() {
        CatalogContent c = CatalogYaml.parse(CatalogYamlTest.SMALL);
        byte[] edited = edit(CatalogExcel.export(c), book -> {
            Sheet s = book.getSheet("服务清单");
            Row second = s.getRow(2); // second indicator of item I1
            for (int col = 1; col <= 10; col++) {
                if (col != 3 && second.getCell(col) != null) {
                    second.removeCell(second.getCell(col));
                }
            }
            second.getCell(TIERS).setCellValue(1); // a number cell
        });
        assertThat(CatalogExcel.parse(edited)).isEqualTo(c);
    }

    @Test
    void badCellsAreNamedBySheetRowAndColumn() {
        CatalogContent c = CatalogYaml.parse(CatalogYamlTest.SMALL);
        byte[] bad = edit(CatalogExcel.export(c), book -> {
            Sheet s = book.getSheet("服务清单");
            s.getRow(1).getCell(13).setCellValue("次数统计"); // N列 规则类型 on 第2行
            s.getRow(2).getCell(TIERS + 1).setCellValue("两次"); // AI列 target on 第3行
            s.getRow(3).getCell(6).setCellValue("必做"); // G列 任务类别 on 第4行
        });
        List<String> messages =
                problems(bad).stream().map(FieldProblem::message).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("工作表“服务清单”第2行 N列：规则类型“次数统计”无效"));
        assertThat(messages).contains("工作表“服务清单”第3行 AI列：目标值应为数字，而不是“两次”");
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("工作表“服务清单”第4行 G列：任务类别“必做”无效"));
        // each problem once, at its own cell: no follow-on “任务类别不能为空” after the unreadable one
        assertThat(messages).hasSize(3);
    }

    /** Templates exported before 计数方式/最少次数 existed (tier columns right after 单位) still import unchanged. */
    @Test
    void aTemplateWithoutTheOptionalColumnsStillImports() {
        CatalogContent c = CatalogYaml.parse(CatalogYamlTest.SMALL);
        byte[] old = edit(CatalogExcel.export(c), book -> {
            Sheet s = book.getSheet("服务清单");
            for (Row r : s) {
                for (int col = CatalogExcel.COLUMNS.size(); col < TIERS; col++) {
                    if (r.getCell(col) != null) {
                        r.removeCell(r.getCell(col));
                    }
                }
                s.shiftColumns(TIERS, TIERS + c.tiers().size(), -CatalogExcel.EXTRA.size());
                break;
            }
        });
        assertThat(CatalogExcel.parse(old)).isEqualTo(c);
        byte[] badMode = edit(
                CatalogExcel.export(c),
                book -> book.getSheet("服务清单")
                        .getRow(1)
                        .createCell(CatalogExcel.COLUMNS.size())
                        .setCellValue("每月"));
        assertThat(problems(badMode))
                .extracting(FieldProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("工作表“服务清单”第2行 AD列：计数方式“每月”无效"));
    }

    @Test
    void inconsistentRepeatedItemTextIsReported() {
        CatalogContent c = CatalogYaml.parse(CatalogYamlTest.SMALL);
        byte[] bad = edit(
                CatalogExcel.export(c),
                book -> book.getSheet("服务清单").getRow(2).getCell(5).setCellValue("别的名称"));
        assertThat(problems(bad))
                .extracting(FieldProblem::message)
                .contains("工作表“服务清单”第3行 F列：“分项任务”与第2行的同一任务不一致（同一任务的后续行可留空）");
    }

    @Test
    void wrongHeaderMissingSheetAndNonExcelAreRejected() {
        CatalogContent c = CatalogYaml.parse(CatalogYamlTest.SMALL);
        byte[] swapped = edit(
                CatalogExcel.export(c),
                book -> book.getSheet("服务清单").getRow(0).getCell(2).setCellValue("任务"));
        assertThat(problems(swapped))
                .extracting(FieldProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("工作表“服务清单”第1行 C列：表头应为“主要任务”，而不是“任务”"));
        byte[] noSheet = edit(CatalogExcel.export(c), book -> book.removeSheetAt(book.getSheetIndex("档位")));
        assertThat(problems(noSheet)).extracting(FieldProblem::message).contains("缺少工作表“档位”（请使用导出的模板）");
        assertThat(problems("code: x".getBytes(StandardCharsets.UTF_8)))
                .extracting(FieldProblem::message)
                .containsExactly("不是有效的 Excel（.xlsx）文件");
        assertThat(problems(new byte[] {'P', 'K', 3, 4, 0, 0}))
                .extracting(FieldProblem::message)
                .containsExactly("无法读取 Excel 文件，请确认是 .xlsx 格式且未加密");
    }

    @Test
    void formulaLikeTextSurvivesNeutralisation() {
        String yaml = CatalogYamlTest.SMALL.replace("name: 资源链接", "name: \"=SUM(A1)\"");
        CatalogContent c = CatalogYaml.parse(yaml);
        assertThat(CatalogExcel.parse(CatalogExcel.export(c))
                        .indicator("I1.2")
                        .orElseThrow()
                        .name())
                .isEqualTo("=SUM(A1)");
    }

    private static byte[] edit(byte[] xlsx, Consumer<Workbook> change) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldProblem> problems(byte[] xlsx) {
        try {
            CatalogExcel.parse(xlsx);
        } catch (BusinessException e) {
            return e.problems();
        }
        throw new AssertionError("expected the workbook to be rejected");
    }
}
