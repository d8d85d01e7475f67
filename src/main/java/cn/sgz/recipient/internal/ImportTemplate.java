package cn.sgz.recipient.internal;

import cn.sgz.shared.ChinaTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable list template: the recognized headers, every column formatted as text (so Excel
 * keeps 18-digit ID numbers and leading zeros), two example rows, and a sheet explaining the values.
 */
final class ImportTemplate {

    private ImportTemplate() {}

    static byte[] build() {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DataFormat format = book.createDataFormat();
            CellStyle text = book.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setDataFormat(format.getFormat("@"));
            Sheet sheet = book.createSheet("名单");
            List<ImportField> fields = ImportField.templateFields();
            Row header = sheet.createRow(0);
            for (int c = 0; c < fields.size(); c++) {
                header.createCell(c).setCellValue(fields.get(c).label());
                header.getCell(c).setCellStyle(head);
                sheet.setDefaultColumnStyle(c, text);
                sheet.setColumnWidth(c, (fields.get(c) == ImportField.ID_NUMBER ? 22 : 14) * 256);
            }
            SyntheticPeople people = new SyntheticPeople(20260101L, ChinaTime.today());
            String id1 = people.idNumber(ChinaTime.today().minusYears(78).withDayOfYear(60), false);
            String id2 = people.idNumber(ChinaTime.today().minusYears(9).withDayOfYear(200), true);
            String[][] examples = {
                {
                    "1",
                    "王秀英（示例）",
                    "女",
                    id1,
                    "13904721234",
                    "九原区新光一村5栋2单元301号",
                    "新光一村",
                    "困难老人、空巢、独居、低保",
                    "",
                    "",
                    "",
                    "中",
                    "",
                    "",
                    "",
                    "示例行，导入前请删除"
                },
                {
                    "2",
                    "李浩宇（示例）",
                    "男",
                    id2,
                    "",
                    "九原区新光一村8栋1单元102号",
                    "新光一村",
                    "留守儿童",
                    "",
                    "",
                    "",
                    "低",
                    "李德福",
                    "祖父",
                    "13804725678",
                    "示例行，导入前请删除"
                }
            };
            for (int r = 0; r < examples.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < examples[r].length; c++) {
                    row.createCell(c).setCellValue(examples[r][c]);
                    row.getCell(c).setCellStyle(text);
                }
            }
            sheet.createFreezePane(0, 1);

            Sheet help = book.createSheet("填写说明");
            String[] lines = {
                "每行一人；第一行为表头，表头可用常见写法（如“身份证号码”“联系方式”“村(社区)”），无法识别的列可在导入时指定。",
                "必填：姓名、身份证号（18位，含校验位；请保持本列为“文本”格式，否则末几位会丢失）。性别、出生日期可不填，由身份证号得出；如填写须一致。",
                "村(社区)：填本社工站下的村（社区）名称，留空表示直属社工站。",
                "类别（可填多个，用顿号分隔）：" + ImportTokens.CATEGORY_HELP + "。",
                "残疾类别：视力、听力、言语、肢体、智力、精神、多重；残疾等级：一级至四级；两项补贴：已享受、申请中、符合条件未享受、不符合条件。",
                "风险等级：高、中、低。儿童可填监护人姓名、关系和电话。",
                "同一区县内同一身份证号只能登记一次；再次导入更新后的名单时，已在册的人按身份证号更新，不会重复。",
                "导入分两步：先检查（列出每一处问题，不写入），全部无误后确认导入（要么全部导入，要么一条也不导入）。"
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 120 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
