package cn.sgz.evaluation.internal;

import cn.sgz.progress.IndicatorStatus;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.excel.CellText;
import cn.sgz.shared.excel.XlsxTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel form of a rubric (docs/rubric-format.md): sheet 细则信息 (编码, 名称) and sheet 评分细则 with one row
 * per item and one row per level (程度分), sub-point (组合分) or status (按达标状态); the item's first row carries
 * its columns, the rows after it only 档次/组成部分/状态 and 分值. Errors name the sheet, row and column
 * ("工作表“评分细则”第3行 D列：…"); an exported file imports unchanged.
 */
final class RubricExcel {

    static final String INFO = "细则信息";
    static final String ITEMS = "评分细则";
    static final String HELP = "填写说明";
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 2000;

    static final List<String> COLUMNS =
            List.of("评分部分", "评分项编码", "评分项名称", "满分", "计分方式", "对应指标编码", "自动计分依据", "档次/组成部分/状态", "分值", "需提供材料");
    static final int SECTION = 0,
            CODE = 1,
            NAME = 2,
            MAX = 3,
            METHOD = 4,
            INDICATOR = 5,
            BY = 6,
            SUB = 7,
            POINTS = 8,
            MATERIALS = 9;

    /** The method as a clerk writes it (the enum name is accepted too). */
    static final Map<Rubric.Method, String> METHOD_NAMES = new LinkedHashMap<>();

    static final Map<Rubric.By, String> BY_NAMES = new LinkedHashMap<>();

    static {
        METHOD_NAMES.put(Rubric.Method.FROM_INDICATOR, "指标自动计分");
        METHOD_NAMES.put(Rubric.Method.JUDGEMENT, "程度分");
        METHOD_NAMES.put(Rubric.Method.COMBINATION, "组合分");
        METHOD_NAMES.put(Rubric.Method.FROM_SATISFACTION, "满意度自动计分");
        METHOD_NAMES.put(Rubric.Method.FROM_BUDGET, "经费执行自动计分");
        BY_NAMES.put(Rubric.By.STATUS, "按达标状态");
        BY_NAMES.put(Rubric.By.SHARE, "按完成比例");
    }

    private static final List<IndicatorStatus> STATUSES = List.of(
            IndicatorStatus.MET,
            IndicatorStatus.ON_TRACK,
            IndicatorStatus.AT_RISK,
            IndicatorStatus.MISSED,
            IndicatorStatus.NOT_DUE);

    private RubricExcel() {}

    // ------------------------------------------------------------------ writing

    static byte[] write(Rubric r) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);

            Sheet info = book.createSheet(INFO);
            header(info, List.of("项目", "内容"), bold);
            Row codeRow = info.createRow(1);
            codeRow.createCell(0).setCellValue("编码");
            text(codeRow, 1, r.code(), null);
            Row nameRow = info.createRow(2);
            nameRow.createCell(0).setCellValue("名称");
            text(nameRow, 1, r.name(), null);
            info.setColumnWidth(0, 12 * 256);
            info.setColumnWidth(1, 60 * 256);

            Sheet items = book.createSheet(ITEMS);
            header(items, COLUMNS, bold);
            int n = 1;
            for (Rubric.Section s : r.sections()) {
                for (Rubric.Item i : s.items()) {
                    Row row = items.createRow(n++);
                    text(row, SECTION, s.name(), null);
                    text(row, CODE, i.code(), null);
                    text(row, NAME, i.name(), wrap);
                    number(row, MAX, i.max());
                    text(row, METHOD, METHOD_NAMES.get(i.method()), null);
                    text(row, INDICATOR, i.indicator(), null);
                    text(row, BY, i.by() == null ? null : BY_NAMES.get(i.by()), null);
                    text(row, MATERIALS, i.materials(), wrap);
                    List<Object[]> subs = new ArrayList<>();
                    i.levels().forEach(l -> subs.add(new Object[] {l.name(), l.points()}));
                    i.parts().forEach(p -> subs.add(new Object[] {p.name(), p.max()}));
                    if (i.by() == Rubric.By.STATUS) {
                        STATUSES.stream()
                                .filter(st -> i.statusPoints().containsKey(st.name()))
                                .forEach(st -> subs.add(new Object[] {
                                    st.label(), i.statusPoints().get(st.name())
                                }));
                    }
                    for (int k = 0; k < subs.size(); k++) {
                        Row sub = k == 0 ? row : items.createRow(n++);
                        text(sub, SUB, (String) subs.get(k)[0], wrap);
                        number(sub, POINTS, (BigDecimal) subs.get(k)[1]);
                    }
                }
            }
            int[] widths = {14, 10, 28, 7, 14, 12, 12, 30, 7, 40};
            for (int c = 0; c < widths.length; c++) {
                items.setColumnWidth(c, widths[c] * 256);
            }
            items.createFreezePane(0, 1);
            dropdown(items, METHOD, METHOD_NAMES.values().toArray(String[]::new), n);
            dropdown(items, BY, BY_NAMES.values().toArray(String[]::new), n);

            Sheet help = book.createSheet(HELP);
            help.setColumnWidth(0, 100 * 256);
            List<String> lines = List.of(
                    "评分细则 Excel 填写说明（导入时不读取本表；格式详见 docs/rubric-format.md）",
                    "“细则信息”：编码（字母、数字、点、横线、下划线；同一编码再次导入即为新版本）和名称。",
                    "“评分细则”：每个评分项占一行（填写评分部分、评分项编码、名称、满分、计分方式、需提供材料）；"
                            + "其档次、组成部分或各状态得分从该行起逐行填在“档次/组成部分/状态”和“分值”两列，后续行的其他列留空。",
                    "计分方式：程度分（评估人按档次打分并须写评分说明，档次得分在 0～满分之间）；"
                            + "组合分（各组成部分满分之和须等于本项满分）；指标自动计分（填写对应指标编码和自动计分依据）；满意度自动计分。",
                    "自动计分依据：按完成比例（满分 × 完成比例）；按达标状态（逐行列出已达标、进度正常、有风险、未达标、未到期的得分，未列出的状态得 0 分）。",
                    "同一评分部分的评分项须连续排列；评分部分留空表示与上一项相同。分值最多保留两位小数。");
            for (int k = 0; k < lines.size(); k++) {
                Cell c = help.createRow(k).createCell(0);
                c.setCellValue(lines.get(k));
                c.setCellStyle(k == 0 ? bold : wrap);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, List<String> headers, CellStyle bold) {
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(bold);
        }
    }

    private static void text(Row r, int col, String value, CellStyle style) {
        if (value != null) {
            Cell cell = r.createCell(col);
            cell.setCellValue(XlsxTable.neutralize(value));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static void number(Row r, int col, BigDecimal value) {
        if (value != null) {
            r.createCell(col).setCellValue(value.doubleValue());
        }
    }

    private static void dropdown(Sheet sheet, int col, String[] values, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation v = helper.createValidation(
                helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, Math.max(lastRow + 200, 500), col, col));
        v.setShowErrorBox(false);
        sheet.addValidationData(v);
    }

    // ------------------------------------------------------------------ reading

    /** "工作表“评分细则”第3行 D列" (rowIndex is 0-based, col -1 for the whole row). */
    static String where(String sheet, int rowIndex, int col) {
        return "工作表“" + sheet + "”第" + (rowIndex + 1) + "行"
                + (col < 0 ? "" : " " + CellReference.convertNumToColString(col) + "列");
    }

    /** Parses a rubric or throws a BusinessException listing every problem with its sheet, row and column. */
    static Rubric parse(byte[] bytes) {
        Reader p = new Reader();
        if (bytes == null || bytes.length == 0) {
            throw BusinessException.field("file", "评分细则文件为空");
        }
        if (bytes.length > MAX_BYTES) {
            throw BusinessException.field("file", "评分细则文件过大（超过2MB）");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw BusinessException.field("file", "不是有效的 Excel（.xlsx）文件，请使用导出的模板");
        }
        Rubric r;
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            r = p.read(book);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException be) {
                throw be;
            }
            throw BusinessException.field("file", "无法读取 Excel 文件，请确认是 .xlsx 格式且未加密");
        }
        if (!p.problems.isEmpty()) {
            throw new BusinessException(
                    "INVALID_RUBRIC",
                    "评分细则有 " + p.problems.size() + " 处错误，未导入任何内容："
                            + p.problems.get(0).message(),
                    p.problems);
        }
        return r;
    }

    private static final class Reader {

        private final List<BusinessException.FieldProblem> problems = new ArrayList<>();

        private void add(String where, String message) {
            if (problems.size() < 200) {
                problems.add(new BusinessException.FieldProblem(where, where + "：" + message));
            }
        }

        /** An item being read: its first row and what the following rows add. */
        private static final class Draft {
            final int row;
            final String code;
            final String name;
            final BigDecimal max;
            final Rubric.Method method;
            final String indicator;
            final Rubric.By by;
            final String materials;
            final List<Rubric.RubricLevel> levels = new ArrayList<>();
            final List<Rubric.RubricPart> parts = new ArrayList<>();
            final Map<String, BigDecimal> statusPoints = new LinkedHashMap<>();
            final Map<String, Integer> statusRows = new HashMap<>();

            Draft(
                    int row,
                    String code,
                    String name,
                    BigDecimal max,
                    Rubric.Method method,
                    String indicator,
                    Rubric.By by,
                    String materials) {
                this.row = row;
                this.code = code;
                this.name = name;
                this.max = max;
                this.method = method;
                this.indicator = indicator;
                this.by = by;
                this.materials = materials;
            }
        }

        Rubric read(Workbook book) {
            Sheet info = book.getSheet(INFO);
            Sheet sheet = book.getSheet(ITEMS);
            if (info == null) {
                add("工作表“" + INFO + "”", "缺少工作表“" + INFO + "”（请使用导出的模板）");
            }
            if (sheet == null) {
                add("工作表“" + ITEMS + "”", "缺少工作表“" + ITEMS + "”（请使用导出的模板）");
            }
            if (info == null || sheet == null) {
                return null;
            }
            String code = null;
            String name = null;
            int codeRow = -1;
            int nameRow = -1;
            for (int r = 1; r <= info.getLastRowNum(); r++) {
                String key = CellText.text(info, r, 0);
                if (key == null) {
                    continue;
                }
                switch (key) {
                    case "编码" -> {
                        code = CellText.text(info, r, 1);
                        codeRow = r;
                    }
                    case "名称" -> {
                        name = CellText.text(info, r, 1);
                        nameRow = r;
                    }
                    default -> add(where(INFO, r, 0), "未知项目“" + key + "”，可用：编码、名称");
                }
            }
            if (codeRow < 0) {
                add(where(INFO, 1, 0), "缺少“编码”行");
            } else if (code == null) {
                add(where(INFO, codeRow, 1), "细则编码不能为空");
            } else if (code.length() > 60 || !code.matches("[A-Za-z0-9._-]+")) {
                add(where(INFO, codeRow, 1), "细则编码只能包含字母、数字、点、横线和下划线，且不超过 60 个字符");
            }
            if (nameRow < 0) {
                add(where(INFO, 2, 0), "缺少“名称”行");
            } else if (name == null) {
                add(where(INFO, nameRow, 1), "细则名称不能为空");
            } else if (name.length() > 200) {
                add(where(INFO, nameRow, 1), "细则名称不能超过 200 个字");
            }

            for (int c = 0; c < COLUMNS.size(); c++) {
                String h = CellText.text(sheet, 0, c);
                if (!COLUMNS.get(c).equals(h)) {
                    add(
                            where(ITEMS, 0, c),
                            "表头应为“" + COLUMNS.get(c) + "”" + (h == null ? "" : "，而不是“" + h + "”") + "（请使用导出的模板）");
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                add(where(ITEMS, MAX_ROWS + 1, -1), "行数过多（最多 " + MAX_ROWS + " 行）");
                return null;
            }

            List<String> sectionNames = new ArrayList<>();
            Map<String, Integer> sectionRows = new HashMap<>();
            Map<String, List<Draft>> sectionItems = new LinkedHashMap<>();
            Map<String, Integer> codeRows = new HashMap<>();
            String section = null;
            Draft current = null;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (CellText.blankRow(sheet, r, COLUMNS.size())) {
                    continue;
                }
                String itemCode = CellText.text(sheet, r, CODE);
                boolean continuation = current != null && (itemCode == null || itemCode.equals(current.code));
                if (!continuation) {
                    if (itemCode == null) {
                        add(where(ITEMS, r, CODE), "缺少评分项编码（档次、组成部分所在的续行须排在其评分项之后）");
                        continue;
                    }
                    String sec = CellText.text(sheet, r, SECTION);
                    if (sec == null) {
                        if (section == null) {
                            add(where(ITEMS, r, SECTION), "第一个评分项须填写评分部分");
                            continue;
                        }
                    } else if (!sec.equals(section)) {
                        if (sec.length() > 100) {
                            add(where(ITEMS, r, SECTION), "评分部分名称不能超过 100 个字");
                        }
                        if (sectionRows.containsKey(sec)) {
                            add(
                                    where(ITEMS, r, SECTION),
                                    "评分部分“" + sec + "”已在第" + (sectionRows.get(sec) + 1) + "行出现，同一部分的评分项应连续排列");
                        } else {
                            sectionRows.put(sec, r);
                            sectionNames.add(sec);
                            sectionItems.put(sec, new ArrayList<>());
                        }
                        section = sec;
                    }
                    current = item(sheet, r, itemCode, codeRows);
                    sectionItems.get(section).add(current);
                } else {
                    sameAsItem(sheet, r, current, section);
                }
                sub(sheet, r, current);
            }
            if (sectionNames.isEmpty() && problems.isEmpty()) {
                add(where(ITEMS, 1, -1), "至少需要一个评分项");
            }
            List<Rubric.Section> sections = new ArrayList<>();
            for (String s : sectionNames) {
                List<Rubric.Item> items = new ArrayList<>();
                for (Draft d : sectionItems.get(s)) {
                    items.add(finish(d));
                }
                sections.add(new Rubric.Section(s, items));
            }
            return new Rubric(code, name, sections);
        }

        private Draft item(Sheet s, int r, String code, Map<String, Integer> codeRows) {
            if (code.length() > 40) {
                add(where(ITEMS, r, CODE), "评分项编码不能超过 40 个字符");
            }
            Integer earlier = codeRows.putIfAbsent(code, r);
            if (earlier != null) {
                add(where(ITEMS, r, CODE), "评分项编码“" + code + "”与第" + (earlier + 1) + "行重复");
            }
            String name = CellText.text(s, r, NAME);
            if (name == null) {
                add(where(ITEMS, r, NAME), "缺少评分项名称");
            } else if (name.length() > 200) {
                add(where(ITEMS, r, NAME), "评分项名称不能超过 200 个字");
            }
            BigDecimal max = number(s, r, MAX, "满分");
            if (CellText.text(s, r, MAX) == null) {
                add(where(ITEMS, r, MAX), "缺少满分");
            } else if (max != null && (max.signum() <= 0 || max.compareTo(new BigDecimal("1000")) > 0)) {
                add(where(ITEMS, r, MAX), "满分应大于 0 且不超过 1000");
            }
            String m = CellText.text(s, r, METHOD);
            Rubric.Method method = null;
            if (m == null) {
                add(where(ITEMS, r, METHOD), "缺少计分方式，可选：" + String.join("、", METHOD_NAMES.values()));
            } else {
                method = METHOD_NAMES.entrySet().stream()
                        .filter(e -> e.getValue().equals(m)
                                || e.getKey().name().equals(m)
                                || e.getKey().label().equals(m))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
                if (method == null) {
                    add(where(ITEMS, r, METHOD), "计分方式“" + m + "”不存在，可选：" + String.join("、", METHOD_NAMES.values()));
                }
            }
            String indicator = CellText.text(s, r, INDICATOR);
            String b = CellText.text(s, r, BY);
            Rubric.By by = null;
            if (method == Rubric.Method.FROM_INDICATOR) {
                if (indicator == null) {
                    add(where(ITEMS, r, INDICATOR), "指标自动计分须填写对应指标编码");
                } else if (indicator.length() > 40) {
                    add(where(ITEMS, r, INDICATOR), "对应指标编码不能超过 40 个字符");
                }
                if (b == null) {
                    add(where(ITEMS, r, BY), "指标自动计分须填写自动计分依据：按达标状态 或 按完成比例");
                } else {
                    by = BY_NAMES.entrySet().stream()
                            .filter(e ->
                                    e.getValue().equals(b) || e.getKey().name().equals(b))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(null);
                    if (by == null) {
                        add(where(ITEMS, r, BY), "自动计分依据“" + b + "”不存在，可选：按达标状态、按完成比例");
                    }
                }
            } else if (method != null) {
                if (indicator != null) {
                    add(where(ITEMS, r, INDICATOR), "只有指标自动计分的评分项填写对应指标编码");
                }
                if (b != null) {
                    add(where(ITEMS, r, BY), "只有指标自动计分的评分项填写自动计分依据");
                }
            }
            String materials = CellText.text(s, r, MATERIALS);
            if (materials != null && materials.length() > 1000) {
                add(where(ITEMS, r, MATERIALS), "需提供材料不能超过 1000 个字");
            }
            return new Draft(r, code, name, max, method, indicator, by, materials);
        }

        /** A continuation row repeats nothing but may repeat the item's own values. */
        private void sameAsItem(Sheet s, int r, Draft d, String section) {
            for (int c : new int[] {SECTION, NAME, MAX, METHOD, INDICATOR, BY, MATERIALS}) {
                String v = CellText.text(s, r, c);
                if (v == null) {
                    continue;
                }
                String expected = CellText.text(s, d.row, c);
                if (c == SECTION) {
                    expected = section;
                }
                if (!v.equals(expected)) {
                    add(
                            where(ITEMS, r, c),
                            "续行只填写“档次/组成部分/状态”和“分值”（“" + COLUMNS.get(c) + "”与第" + (d.row + 1)
                                    + "行的评分项不一致；新的评分项请填写新的评分项编码）");
                }
            }
        }

        /** The level, sub-point or status on row r (if any) for the item. */
        private void sub(Sheet s, int r, Draft d) {
            String name = CellText.text(s, r, SUB);
            String pointsText = CellText.text(s, r, POINTS);
            if (name == null && pointsText == null) {
                return;
            }
            if (d.method == null || d.method == Rubric.Method.FROM_INDICATOR && d.by == null) {
                return; // the method itself is already reported
            }
            boolean status = d.method == Rubric.Method.FROM_INDICATOR && d.by == Rubric.By.STATUS;
            if (!status && d.method != Rubric.Method.JUDGEMENT && d.method != Rubric.Method.COMBINATION) {
                add(
                        where(ITEMS, r, name != null ? SUB : POINTS),
                        METHOD_NAMES.get(d.method) + (d.by == Rubric.By.SHARE ? "（按完成比例）" : "") + "的评分项不填档次、组成部分或状态");
                return;
            }
            String what = status ? "状态" : d.method == Rubric.Method.JUDGEMENT ? "档次" : "组成部分";
            if (name == null) {
                add(where(ITEMS, r, SUB), "缺少" + what + "名称");
            } else if (name.length() > (d.method == Rubric.Method.JUDGEMENT ? 100 : 200)) {
                add(where(ITEMS, r, SUB), what + "名称过长");
            }
            BigDecimal points = number(s, r, POINTS, what + "分值");
            if (pointsText == null) {
                add(where(ITEMS, r, POINTS), "缺少" + what + (d.method == Rubric.Method.COMBINATION ? "满分" : "得分"));
            }
            if (status) {
                IndicatorStatus st = name == null
                        ? null
                        : STATUSES.stream()
                                .filter(x -> x.label().equals(name) || x.name().equals(name))
                                .findFirst()
                                .orElse(null);
                if (name != null && st == null) {
                    add(
                            where(ITEMS, r, SUB),
                            "状态“" + name + "”不存在，可选："
                                    + String.join(
                                            "、",
                                            STATUSES.stream()
                                                    .map(IndicatorStatus::label)
                                                    .toList()));
                } else if (st != null && d.statusRows.putIfAbsent(st.name(), r) != null) {
                    add(where(ITEMS, r, SUB), "状态“" + st.label() + "”与第" + (d.statusRows.get(st.name()) + 1) + "行重复");
                } else if (st != null && points != null) {
                    inRange(r, d, points, "状态“" + st.label() + "”的得分");
                    d.statusPoints.put(st.name(), points);
                }
            } else if (d.method == Rubric.Method.JUDGEMENT) {
                if (points != null) {
                    inRange(r, d, points, "档次“" + (name == null ? "" : name) + "”的得分");
                }
                d.levels.add(new Rubric.RubricLevel(name, points));
            } else {
                if (points != null && points.signum() <= 0) {
                    add(where(ITEMS, r, POINTS), "组成部分满分应大于 0");
                }
                d.parts.add(new Rubric.RubricPart(name, points));
            }
        }

        private void inRange(int r, Draft d, BigDecimal points, String what) {
            if (d.max != null && (points.signum() < 0 || points.compareTo(d.max) > 0)) {
                add(where(ITEMS, r, POINTS), what + " " + points.toPlainString() + " 超出 0～" + d.max.toPlainString());
            }
        }

        private Rubric.Item finish(Draft d) {
            if (d.method == Rubric.Method.JUDGEMENT && d.levels.isEmpty()) {
                add(where(ITEMS, d.row, SUB), "程度分须在“档次/组成部分/状态”列逐行列出档次及得分");
            }
            if (d.method == Rubric.Method.COMBINATION) {
                if (d.parts.isEmpty()) {
                    add(where(ITEMS, d.row, SUB), "组合分须在“档次/组成部分/状态”列逐行列出组成部分及满分");
                } else if (d.max != null && d.parts.stream().allMatch(p -> p.max() != null)) {
                    BigDecimal sum =
                            d.parts.stream().map(Rubric.RubricPart::max).reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (sum.compareTo(d.max) != 0) {
                        add(
                                where(ITEMS, d.row, MAX),
                                "各组成部分满分之和 " + sum.toPlainString() + " 与本项满分 " + d.max.toPlainString() + " 不一致");
                    }
                }
            }
            if (d.method == Rubric.Method.FROM_INDICATOR && d.by == Rubric.By.STATUS && d.statusRows.isEmpty()) {
                add(where(ITEMS, d.row, SUB), "按达标状态计分须逐行列出各状态（如 已达标）及得分");
            }
            return new Rubric.Item(
                    d.code, d.name, d.max, d.method, d.materials, d.indicator, d.by, d.statusPoints, d.levels, d.parts);
        }

        private BigDecimal number(Sheet s, int r, int col, String what) {
            String v = CellText.text(s, r, col);
            if (v == null) {
                return null;
            }
            BigDecimal n;
            try {
                n = new BigDecimal(v);
            } catch (NumberFormatException e) {
                add(where(ITEMS, r, col), what + "应为数字，而不是“" + v + "”");
                return null;
            }
            n = RubricYaml.normalize(n);
            if (n.scale() > 2) {
                add(where(ITEMS, r, col), what + "最多保留两位小数");
            }
            return n;
        }
    }

    static boolean isXlsx(byte[] bytes) {
        return bytes != null && bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K';
    }
}
