package cn.sgz.catalog.internal;

import static cn.sgz.shared.excel.CellText.blankRow;
import static cn.sgz.shared.excel.CellText.text;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.CatalogContent;
import cn.sgz.catalog.CatalogItem;
import cn.sgz.catalog.CatalogTask;
import cn.sgz.catalog.CatalogTier;
import cn.sgz.catalog.EntityCountMode;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.catalog.ItemCategory;
import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.SelectionGroup;
import cn.sgz.catalog.SubPeriod;
import cn.sgz.catalog.TierParams;
import cn.sgz.shared.excel.XlsxTable;
import cn.sgz.shared.vocabulary.Labelled;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * The Excel layout of a catalog (docs/catalog-format.md): sheets 目录信息, 档位, 选择规则 and 服务清单 with
 * one row per indicator, task and item columns on the left and one target column per tier on the
 * right. Errors name the sheet, row and column ("工作表“服务清单”第5行 N列：…").
 */
final class CatalogExcel {

    static final String INFO = "目录信息";
    static final String TIERS = "档位";
    static final String GROUPS = "选择规则";
    static final String LIST = "服务清单";
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 5000;

    /** Fixed columns of 服务清单; tier target columns follow. */
    static final List<String> COLUMNS = List.of(
            "任务编码", "任务序号", "主要任务", "分项编码", "分项序号", "分项任务", "任务类别", "选择规则", "任务内容", "服务对象", "备注", "指标编码", "指标名称",
            "规则类型", "统计周期", "服务标准原文", "指标值原文", "佐证要求", "记录类型", "服务领域", "子类", "统计对象", "每个节数", "每节人数", "持证人数", "汇总方式",
            "条件", "所需文书", "单位");

    private static final int TASK_CODE = 0,
            TASK_NO = 1,
            TASK_NAME = 2,
            ITEM_CODE = 3,
            ITEM_NO = 4,
            ITEM_NAME = 5,
            CATEGORY = 6,
            GROUP = 7,
            CONTENT = 8,
            POPULATION = 9,
            NOTE = 10,
            IND_CODE = 11,
            IND_NAME = 12,
            KIND = 13,
            PERIOD = 14,
            STANDARD = 15,
            VALUE = 16,
            EVIDENCE = 17,
            RECORD_KINDS = 18,
            DOMAIN = 19,
            SUBTYPE = 20,
            ENTITY = 21,
            SESSIONS = 22,
            ATTENDEES = 23,
            CERTIFIED = 24,
            AGGREGATE = 25,
            CONDITION = 26,
            DOCUMENTS = 27,
            UNIT = 28;
    /**
     * Optional columns after 单位 (before the tier columns), recognised by their header: templates exported
     * before they existed still import unchanged.
     */
    static final String COUNT_MODE = "计数方式", EVENTS_MIN = "最少次数", SUBTASK = "四级分项任务", PLATFORM = "须录入平台";

    static final List<String> EXTRA = List.of(COUNT_MODE, EVENTS_MIN, SUBTASK, PLATFORM);
    private static final List<String> INFO_KEYS = List.of("编码", "名称", "地区", "年度", "来源", "说明");

    private CatalogExcel() {}

    // ------------------------------------------------------------------ writing

    static byte[] export(CatalogContent c) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);

            Sheet info = book.createSheet(INFO);
            List<String> infoValues = Arrays.asList(
                    c.code(),
                    c.name(),
                    c.region(),
                    c.year() == null ? null : c.year().toString(),
                    c.source(),
                    c.notes());
            header(info, List.of("项目", "内容"), bold);
            for (int i = 0; i < INFO_KEYS.size(); i++) {
                Row r = info.createRow(i + 1);
                r.createCell(0).setCellValue(INFO_KEYS.get(i));
                put(r, 1, infoValues.get(i), wrap);
            }
            info.setColumnWidth(1, 80 * 256);

            Sheet tiers = book.createSheet(TIERS);
            header(tiers, List.of("档位编码", "档位名称"), bold);
            for (int i = 0; i < c.tiers().size(); i++) {
                Row r = tiers.createRow(i + 1);
                put(r, 0, c.tiers().get(i).code(), null);
                put(r, 1, c.tiers().get(i).label(), null);
            }

            Sheet groups = book.createSheet(GROUPS);
            header(groups, List.of("规则编码", "名称", "最少选择", "最多选择", "规则原文"), bold);
            for (int i = 0; i < c.groups().size(); i++) {
                SelectionGroup g = c.groups().get(i);
                Row r = groups.createRow(i + 1);
                put(r, 0, g.code(), null);
                put(r, 1, g.name(), null);
                put(r, 2, g.min() == null ? null : g.min().toString(), null);
                put(r, 3, g.max() == null ? null : g.max().toString(), null);
                put(r, 4, g.rule(), wrap);
            }

            Sheet list = book.createSheet(LIST);
            List<String> headers = new ArrayList<>(COLUMNS);
            headers.addAll(EXTRA);
            c.tiers().forEach(t -> headers.add(t.label()));
            header(list, headers, bold);
            int rowNo = 1;
            for (CatalogTask task : c.tasks()) {
                for (CatalogItem item : task.items()) {
                    List<Indicator> inds =
                            item.indicators().isEmpty() ? java.util.Collections.singletonList(null) : item.indicators();
                    for (Indicator ind : inds) {
                        Row r = list.createRow(rowNo++);
                        String[] v = new String[headers.size()];
                        v[TASK_CODE] = task.code();
                        v[TASK_NO] = task.no();
                        v[TASK_NAME] = task.name();
                        v[ITEM_CODE] = item.code();
                        v[ITEM_NO] = item.no();
                        v[ITEM_NAME] = item.name();
                        v[CATEGORY] = label(item.category());
                        v[GROUP] = item.group();
                        v[CONTENT] = item.content();
                        v[POPULATION] = item.population();
                        v[NOTE] = item.note();
                        put(r, COLUMNS.size() + 2, item.subtask(), null);
                        if (ind != null) {
                            IndicatorParams q = ind.params();
                            v[IND_CODE] = ind.code();
                            v[IND_NAME] = ind.name();
                            v[KIND] = label(ind.kind());
                            v[PERIOD] = label(ind.period());
                            v[STANDARD] = ind.standard();
                            v[VALUE] = ind.values().isEmpty()
                                    ? ind.value()
                                    : c.tiers().stream()
                                            .filter(t -> ind.values().containsKey(t.code()))
                                            .map(t -> t.label() + "："
                                                    + ind.values().get(t.code()))
                                            .collect(Collectors.joining("\n"));
                            v[EVIDENCE] = ind.evidence();
                            v[RECORD_KINDS] = q.recordKinds().isEmpty()
                                    ? null
                                    : q.recordKinds().stream()
                                            .map(ServiceKind::label)
                                            .collect(Collectors.joining("、"));
                            v[DOMAIN] = label(q.domain());
                            v[SUBTYPE] = q.subtype();
                            v[ENTITY] = label(q.entityType());
                            v[SESSIONS] = tiered(c, q, TierParams::sessionsEach, q.sessionsEach());
                            v[ATTENDEES] = tiered(c, q, TierParams::attendeesPerSession, q.attendeesPerSession());
                            v[CERTIFIED] = tiered(c, q, TierParams::certifiedMin, q.certifiedMin());
                            v[AGGREGATE] = label(q.aggregate());
                            v[CONDITION] = q.condition();
                            v[DOCUMENTS] = q.documents().isEmpty() ? null : String.join("\n", q.documents());
                            v[UNIT] = q.unit();
                            put(r, COLUMNS.size(), label(q.countMode()), null);
                            String events = tiered(c, q, TierParams::eventsMin, q.eventsMin());
                            if (events != null && q.perTier().values().stream().allMatch(t -> t.eventsMin() == null)) {
                                r.createCell(COLUMNS.size() + 1).setCellValue(q.eventsMin());
                            } else {
                                put(r, COLUMNS.size() + 1, events, null);
                            }
                            put(r, COLUMNS.size() + 3, q.platform(), null);
                            for (int t = 0; t < c.tiers().size(); t++) {
                                BigDecimal target =
                                        ind.targets().get(c.tiers().get(t).code());
                                if (target != null) {
                                    r.createCell(COLUMNS.size() + EXTRA.size() + t)
                                            .setCellValue(target.doubleValue());
                                }
                            }
                        }
                        for (int col = 0; col < COLUMNS.size(); col++) {
                            put(r, col, v[col], col == CONTENT || col == STANDARD ? wrap : null);
                        }
                    }
                }
            }
            for (int col = 0; col < headers.size(); col++) {
                list.setColumnWidth(col, (col == CONTENT || col == STANDARD ? 50 : 14) * 256);
            }
            list.createFreezePane(0, 1);
            dropdown(list, KIND, RuleKind.values(), rowNo);
            dropdown(list, PERIOD, SubPeriod.values(), rowNo);
            dropdown(list, CATEGORY, ItemCategory.values(), rowNo);
            dropdown(list, DOMAIN, LedgerDomain.values(), rowNo);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A numeric parameter's cell: "10万指标值：4" per line where it is given per tier, else the number. */
    private static String tiered(
            CatalogContent c, IndicatorParams q, Function<TierParams, Integer> get, Integer single) {
        String perTier = c.tiers().stream()
                .filter(t -> q.perTier().containsKey(t.code())
                        && get.apply(q.perTier().get(t.code())) != null)
                .map(t -> t.label() + "：" + get.apply(q.perTier().get(t.code())))
                .collect(Collectors.joining("\n"));
        return perTier.isEmpty() ? str(single) : perTier;
    }

    private static void dropdown(Sheet sheet, int col, Labelled[] values, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String[] labels = Arrays.stream(values).map(Labelled::label).toArray(String[]::new);
        DataValidation v = helper.createValidation(
                helper.createExplicitListConstraint(labels),
                new CellRangeAddressList(1, Math.max(lastRow + 200, 500), col, col));
        v.setShowErrorBox(false);
        sheet.addValidationData(v);
    }

    private static void header(Sheet sheet, List<String> headers, CellStyle bold) {
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(bold);
        }
    }

    private static void put(Row r, int col, String value, CellStyle style) {
        if (value != null) {
            Cell cell = r.createCell(col);
            cell.setCellValue(XlsxTable.neutralize(value));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static String label(Labelled l) {
        return l == null ? null : l.label();
    }

    private static String str(Integer i) {
        return i == null ? null : i.toString();
    }

    // ------------------------------------------------------------------ reading

    static CatalogContent parse(byte[] bytes) {
        Problems p = new Problems();
        if (bytes == null || bytes.length == 0) {
            p.add("", "文件为空");
            p.throwIfAny("Excel 文件");
        }
        if (bytes.length > MAX_BYTES) {
            p.add("", "文件过大（超过5MB）");
            p.throwIfAny("Excel 文件");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            p.add("", "不是有效的 Excel（.xlsx）文件");
            p.throwIfAny("Excel 文件");
        }
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            CatalogContent c = new Reader(book, p).read();
            p.throwIfAny("Excel 文件");
            return c;
        } catch (IOException | RuntimeException e) {
            if (e instanceof cn.sgz.shared.BusinessException be) {
                throw be;
            }
            p.add("", "无法读取 Excel 文件，请确认是 .xlsx 格式且未加密");
            p.throwIfAny("Excel 文件");
            return null;
        }
    }

    static String where(String sheet, int rowIndex, int col) {
        return "工作表“" + sheet + "”第" + (rowIndex + 1) + "行"
                + (col < 0 ? "" : " " + CellReference.convertNumToColString(col) + "列");
    }

    private static final class Reader {

        private final Workbook book;
        private final Problems p;
        /** Header → column of the optional columns found in the header row. */
        private final Map<String, Integer> extraCols = new HashMap<>();

        Reader(Workbook book, Problems p) {
            this.book = book;
            this.p = p;
        }

        CatalogContent read() {
            Sheet info = sheet(INFO);
            Sheet tierSheet = sheet(TIERS);
            Sheet groupSheet = sheet(GROUPS);
            Sheet list = sheet(LIST);
            if (info == null || tierSheet == null || list == null) {
                return null;
            }
            Map<String, String> head = new HashMap<>();
            Map<String, Integer> headRow = new HashMap<>();
            for (int r = 1; r <= info.getLastRowNum(); r++) {
                String key = text(info, r, 0);
                if (key == null) {
                    continue;
                }
                if (!INFO_KEYS.contains(key)) {
                    p.add(where(INFO, r, 0), "未知项目“" + key + "”，可用：" + String.join("、", INFO_KEYS));
                } else {
                    head.put(key, text(info, r, 1));
                    headRow.put(key, r);
                }
            }
            String code = head.get("编码");
            CatalogChecks.code(code, "服务清单", p, where(INFO, headRow.getOrDefault("编码", 1), 1));
            CatalogChecks.name(head.get("名称"), "服务清单名称", p, where(INFO, headRow.getOrDefault("名称", 2), 1));
            Integer year = null;
            if (head.get("年度") != null) {
                year = integer(head.get("年度"), "年度", where(INFO, headRow.get("年度"), 1));
                if (year != null && (year < 1990 || year > 2100)) {
                    p.add(where(INFO, headRow.get("年度"), 1), "年度应在1990到2100之间");
                }
            }

            List<CatalogTier> tiers = new ArrayList<>();
            for (int r = 1; r <= tierSheet.getLastRowNum(); r++) {
                String tc = text(tierSheet, r, 0);
                String tl = text(tierSheet, r, 1);
                if (tc == null && tl == null) {
                    continue;
                }
                CatalogTier tier = new CatalogTier(tc, tl);
                CatalogChecks.tier(tier, p, where(TIERS, r, tc == null ? 0 : 1));
                if (tiers.stream().anyMatch(t -> t.code() != null && t.code().equals(tc))) {
                    p.add(where(TIERS, r, 0), "档位编码“" + tc + "”重复");
                }
                tiers.add(tier);
            }
            if (tiers.isEmpty()) {
                p.add("工作表“" + TIERS + "”", "至少需要一个档位（如 STANDARD 指标值）");
            }

            List<SelectionGroup> groups = new ArrayList<>();
            Map<String, Integer> groupRows = new LinkedHashMap<>();
            if (groupSheet != null) {
                for (int r = 1; r <= groupSheet.getLastRowNum(); r++) {
                    String gc = text(groupSheet, r, 0);
                    if (gc == null && text(groupSheet, r, 1) == null) {
                        continue;
                    }
                    SelectionGroup g = new SelectionGroup(
                            gc,
                            text(groupSheet, r, 1),
                            integer(text(groupSheet, r, 2), "最少选择", where(GROUPS, r, 2)),
                            integer(text(groupSheet, r, 3), "最多选择", where(GROUPS, r, 3)),
                            text(groupSheet, r, 4));
                    if (gc != null && groupRows.putIfAbsent(gc, r) != null) {
                        p.add(where(GROUPS, r, 0), "选择规则编码“" + gc + "”重复");
                    }
                    groups.add(g);
                }
            }
            Map<String, SelectionGroup> groupsByCode = groups.stream()
                    .filter(g -> g.code() != null)
                    .collect(Collectors.toMap(SelectionGroup::code, Function.identity(), (a, b) -> a));

            // Tier columns of 服务清单 are matched by label (or code) in the header row.
            Map<String, Integer> tierCols = new LinkedHashMap<>();
            extraCols.clear();
            Row header = list.getRow(0);
            int lastCol = header == null ? -1 : header.getLastCellNum() - 1;
            for (int col = 0; col < COLUMNS.size(); col++) {
                String h = text(list, 0, col);
                if (h == null || !h.equals(COLUMNS.get(col))) {
                    p.add(
                            where(LIST, 0, col),
                            "表头应为“" + COLUMNS.get(col) + "”" + (h == null ? "" : "，而不是“" + h + "”")
                                    + "（请使用导出的模板，不要增删或调换列）");
                    return null;
                }
            }
            for (int col = COLUMNS.size(); col <= lastCol; col++) {
                String h = text(list, 0, col);
                if (h == null) {
                    continue;
                }
                if (EXTRA.contains(h)) {
                    extraCols.put(h, col);
                    continue;
                }
                CatalogTier tier = tiers.stream()
                        .filter(t -> h.equals(t.label()) || h.equals(t.code()))
                        .findFirst()
                        .orElse(null);
                if (tier == null) {
                    p.add(where(LIST, 0, col), "目标值列“" + h + "”不是工作表“档位”中的档位");
                } else {
                    tierCols.put(tier.code(), col);
                }
            }
            for (CatalogTier t : tiers) {
                if (t.code() != null && !tierCols.containsKey(t.code())) {
                    p.add(where(LIST, 0, -1), "缺少档位“" + t.label() + "”的目标值列");
                }
            }
            if (list.getLastRowNum() > MAX_ROWS) {
                p.add(where(LIST, MAX_ROWS, -1), "行数超过" + MAX_ROWS + "行");
                return null;
            }

            record TaskAcc(String code, String no, String name, int row, List<String> itemOrder) {}
            record ItemAcc(
                    String code,
                    String no,
                    String name,
                    ItemCategory category,
                    String group,
                    String content,
                    String population,
                    String note,
                    int row,
                    List<Indicator> indicators,
                    String subtask) {}
            Map<String, TaskAcc> tasks = new LinkedHashMap<>();
            Map<String, ItemAcc> items = new LinkedHashMap<>();
            Map<String, Integer> indicatorRows = new HashMap<>();
            for (int r = 1; r <= list.getLastRowNum(); r++) {
                if (blankRow(list, r, lastCol + 1)) {
                    continue;
                }
                String taskCode = text(list, r, TASK_CODE);
                String itemCode = text(list, r, ITEM_CODE);
                if (taskCode == null) {
                    p.add(where(LIST, r, TASK_CODE), "任务编码不能为空");
                    continue;
                }
                if (itemCode == null) {
                    p.add(where(LIST, r, ITEM_CODE), "分项编码不能为空");
                    continue;
                }
                TaskAcc task = tasks.get(taskCode);
                if (task == null) {
                    CatalogChecks.code(taskCode, "主要任务", p, where(LIST, r, TASK_CODE));
                    CatalogChecks.name(text(list, r, TASK_NAME), "主要任务名称", p, where(LIST, r, TASK_NAME));
                    task = new TaskAcc(
                            taskCode, text(list, r, TASK_NO), text(list, r, TASK_NAME), r, new ArrayList<>());
                    tasks.put(taskCode, task);
                } else {
                    same(task.no(), list, r, TASK_NO, task.row());
                    same(task.name(), list, r, TASK_NAME, task.row());
                }
                ItemAcc item = items.get(itemCode);
                if (item == null) {
                    item = new ItemAcc(
                            itemCode,
                            text(list, r, ITEM_NO),
                            text(list, r, ITEM_NAME),
                            enumCell(list, r, CATEGORY, ItemCategory.values(), ItemCategory::parse, "任务类别"),
                            text(list, r, GROUP),
                            text(list, r, CONTENT),
                            text(list, r, POPULATION),
                            text(list, r, NOTE),
                            r,
                            new ArrayList<>(),
                            extraCols.containsKey(SUBTASK) ? text(list, r, extraCols.get(SUBTASK)) : null);
                    items.put(itemCode, item);
                    task.itemOrder().add(itemCode);
                    CatalogItem check = new CatalogItem(
                            null,
                            itemCode,
                            item.no(),
                            item.name(),
                            item.category(),
                            item.group(),
                            item.content(),
                            item.population(),
                            item.note(),
                            List.of(),
                            item.subtask());
                    int row = r;
                    CatalogChecks.item(check, groupsByCode, p, new CatalogChecks.Locator() {
                        @Override
                        public String at(String field) {
                            return where(LIST, row, itemColumn(field));
                        }

                        @Override
                        public boolean given(String field) {
                            return text(list, row, itemColumn(field)) != null;
                        }
                    });
                } else {
                    if (!task.itemOrder().contains(itemCode)) {
                        p.add(where(LIST, r, ITEM_CODE), "分项编码“" + itemCode + "”已在第" + (item.row() + 1) + "行属于另一个主要任务");
                        continue;
                    }
                    same(item.no(), list, r, ITEM_NO, item.row());
                    same(item.name(), list, r, ITEM_NAME, item.row());
                    same(
                            item.category() == null ? null : item.category().label(),
                            list,
                            r,
                            CATEGORY,
                            item.row(),
                            ItemCategory::parse);
                    same(item.group(), list, r, GROUP, item.row());
                    same(item.content(), list, r, CONTENT, item.row());
                    same(item.population(), list, r, POPULATION, item.row());
                    same(item.note(), list, r, NOTE, item.row());
                    Integer subCol = extraCols.get(SUBTASK);
                    String sub = subCol == null ? null : text(list, r, subCol);
                    if (sub != null && !sub.equals(item.subtask())) {
                        p.add(
                                where(LIST, r, subCol),
                                "“" + SUBTASK + "”与第" + (item.row() + 1) + "行的同一服务内容不一致（同一服务内容的后续行可留空）");
                    }
                }
                String indCode = text(list, r, IND_CODE);
                if (indCode == null) {
                    if (text(list, r, KIND) != null || text(list, r, IND_NAME) != null) {
                        p.add(where(LIST, r, IND_CODE), "指标编码不能为空");
                    }
                    continue;
                }
                Integer firstRow = indicatorRows.putIfAbsent(indCode, r);
                if (firstRow != null) {
                    p.add(where(LIST, r, IND_CODE), "指标编码“" + indCode + "”重复（已在第" + (firstRow + 1) + "行使用）");
                    continue;
                }
                item.indicators().add(indicator(list, r, indCode, tiers, tierCols));
            }
            if (tasks.isEmpty()) {
                p.add("工作表“" + LIST + "”", "没有任何任务行");
            }
            List<CatalogTask> taskList = new ArrayList<>();
            for (TaskAcc t : tasks.values()) {
                List<CatalogItem> itemList = new ArrayList<>();
                for (String ic : t.itemOrder()) {
                    ItemAcc i = items.get(ic);
                    itemList.add(new CatalogItem(
                            null,
                            i.code(),
                            i.no(),
                            i.name(),
                            i.category(),
                            i.group(),
                            i.content(),
                            i.population(),
                            i.note(),
                            i.indicators(),
                            i.subtask()));
                }
                taskList.add(new CatalogTask(null, t.code(), t.no(), t.name(), itemList));
            }
            CatalogContent content = new CatalogContent(
                    code,
                    head.get("名称"),
                    head.get("地区"),
                    year,
                    head.get("来源"),
                    head.get("说明"),
                    tiers,
                    groups,
                    taskList);
            for (SelectionGroup g : groups) {
                long count = content.items()
                        .filter(i -> g.code() != null && g.code().equals(i.group()))
                        .count();
                CatalogChecks.group(g, count, p, where(GROUPS, groupRows.getOrDefault(g.code(), 1), -1));
            }
            return content;
        }

        private Indicator indicator(
                Sheet s, int r, String code, List<CatalogTier> tiers, Map<String, Integer> tierCols) {
            List<ServiceKind> kinds = new ArrayList<>();
            String kindText = text(s, r, RECORD_KINDS);
            if (kindText != null) {
                for (String k : kindText.split("[、,，;；\\n]+")) {
                    if (k.isBlank()) {
                        continue;
                    }
                    ServiceKind kind = ServiceKind.parseCountable(k);
                    if (kind == null) {
                        p.add(
                                where(LIST, r, RECORD_KINDS),
                                "记录类型“" + k.strip() + "”无效，可选：" + Labelled.allowed(ServiceKind.countableValues()));
                    } else {
                        kinds.add(kind);
                    }
                }
            }
            String docs = text(s, r, DOCUMENTS);
            Map<String, Integer> sessions = perTier(s, r, SESSIONS, "每个节数", tiers);
            Map<String, Integer> attendees = perTier(s, r, ATTENDEES, "每节人数", tiers);
            Map<String, Integer> certified = perTier(s, r, CERTIFIED, "持证人数", tiers);
            Integer eventsCol = extraCols.get(EVENTS_MIN);
            Map<String, Integer> events = eventsCol == null ? Map.of() : perTier(s, r, eventsCol, EVENTS_MIN, tiers);
            Map<String, TierParams> perTier = new LinkedHashMap<>();
            for (CatalogTier t : tiers) {
                TierParams tp = new TierParams(
                        sessions.get(t.code()), attendees.get(t.code()), certified.get(t.code()), events.get(t.code()));
                if (!tp.isEmpty()) {
                    perTier.put(t.code(), tp);
                }
            }
            IndicatorParams params = new IndicatorParams(
                    kinds,
                    enumCell(s, r, DOMAIN, LedgerDomain.values(), LedgerDomain::parse, "服务领域"),
                    text(s, r, SUBTYPE),
                    enumCell(s, r, ENTITY, EntityType.values(), EntityType::parse, "统计对象"),
                    sessions.isEmpty() ? integer(text(s, r, SESSIONS), "每个节数", where(LIST, r, SESSIONS)) : null,
                    attendees.isEmpty() ? integer(text(s, r, ATTENDEES), "每节人数", where(LIST, r, ATTENDEES)) : null,
                    certified.isEmpty() ? integer(text(s, r, CERTIFIED), "持证人数", where(LIST, r, CERTIFIED)) : null,
                    enumCell(s, r, AGGREGATE, AmountAggregate.values(), AmountAggregate::parse, "汇总方式"),
                    text(s, r, CONDITION),
                    docs == null
                            ? List.of()
                            : Arrays.stream(docs.split("\\n"))
                                    .map(String::strip)
                                    .filter(d -> !d.isEmpty())
                                    .toList(),
                    text(s, r, UNIT),
                    extraCols.containsKey(COUNT_MODE)
                            ? enumCell(
                                    s,
                                    r,
                                    extraCols.get(COUNT_MODE),
                                    EntityCountMode.values(),
                                    EntityCountMode::parse,
                                    COUNT_MODE)
                            : null,
                    eventsCol != null && events.isEmpty()
                            ? integer(text(s, r, eventsCol), EVENTS_MIN, where(LIST, r, eventsCol))
                            : null,
                    perTier,
                    extraCols.containsKey(PLATFORM) ? text(s, r, extraCols.get(PLATFORM)) : null);
            Map<String, BigDecimal> targets = new LinkedHashMap<>();
            for (CatalogTier t : tiers) {
                Integer col = tierCols.get(t.code());
                if (col == null) {
                    continue;
                }
                String v = text(s, r, col);
                if (v != null) {
                    try {
                        targets.put(t.code(), new BigDecimal(v.replace(",", "")).stripTrailingZeros());
                    } catch (NumberFormatException e) {
                        p.add(where(LIST, r, col), "目标值应为数字，而不是“" + v + "”");
                    }
                }
            }
            Map<String, String> values = tierLines(text(s, r, VALUE), tiers);
            Indicator ind = new Indicator(
                    null,
                    code,
                    text(s, r, IND_NAME),
                    enumCell(s, r, KIND, RuleKind.values(), RuleKind::parse, "规则类型"),
                    enumCell(s, r, PERIOD, SubPeriod.values(), SubPeriod::parse, "统计周期"),
                    params,
                    targets,
                    text(s, r, STANDARD),
                    values == null ? text(s, r, VALUE) : null,
                    text(s, r, EVIDENCE),
                    values == null ? Map.of() : values);
            // each field's own cell, so that a message points at the offending value
            CatalogChecks.indicator(ind, tiers, p, new CatalogChecks.Locator() {
                @Override
                public String at(String field) {
                    return where(LIST, r, column(field, tierCols));
                }

                @Override
                public boolean given(String field) {
                    return text(s, r, column(field, tierCols)) != null;
                }
            });
            return ind;
        }

        /** The column of an item field ("name", "category", "subtask" …). */
        private int itemColumn(String field) {
            return switch (field) {
                case "name" -> ITEM_NAME;
                case "category" -> CATEGORY;
                case "group" -> GROUP;
                case "content" -> CONTENT;
                case "population" -> POPULATION;
                case "note" -> NOTE;
                case "subtask" -> extraCols.getOrDefault(SUBTASK, ITEM_CODE);
                default -> ITEM_CODE;
            };
        }

        /** The column of an indicator field ("kind", "targets.TIER_10W", "params.sessionsEach" …). */
        private int column(String field, Map<String, Integer> tierCols) {
            if (field.startsWith("targets.")) {
                return tierCols.getOrDefault(field.substring("targets.".length()), IND_CODE);
            }
            return switch (field) {
                case "name" -> IND_NAME;
                case "kind" -> KIND;
                case "period" -> PERIOD;
                case "standard" -> STANDARD;
                case "value" -> VALUE;
                case "evidence" -> EVIDENCE;
                case "params.recordKinds" -> RECORD_KINDS;
                case "params.domain" -> DOMAIN;
                case "params.subtype" -> SUBTYPE;
                case "params.entityType" -> ENTITY;
                case "params.sessionsEach" -> SESSIONS;
                case "params.attendeesPerSession" -> ATTENDEES;
                case "params.certifiedMin" -> CERTIFIED;
                case "params.aggregate" -> AGGREGATE;
                case "params.condition" -> CONDITION;
                case "params.documents" -> DOCUMENTS;
                case "params.unit" -> UNIT;
                case "params.countMode" -> extraCols.getOrDefault(COUNT_MODE, IND_CODE);
                case "params.eventsMin" -> extraCols.getOrDefault(EVENTS_MIN, IND_CODE);
                case "params.platform" -> extraCols.getOrDefault(PLATFORM, IND_CODE);
                default -> IND_CODE;
            };
        }

        /**
         * A cell written per tier, one "档位名称：值" (or "档位编码：值") per line, as tier code → text; null when the
         * cell is not written that way (its first line does not start with a tier).
         */
        private static Map<String, String> tierLines(String v, List<CatalogTier> tiers) {
            if (v == null) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            String last = null;
            for (String line : v.split("\n")) {
                CatalogTier tier = tiers.stream()
                        .filter(t -> startsWithTier(line, t.label()) || startsWithTier(line, t.code()))
                        .findFirst()
                        .orElse(null);
                if (tier == null) {
                    if (last == null) {
                        return null; // the first line names no tier: the cell is plain text
                    }
                    out.put(last, out.get(last) + "\n" + line); // a further line of that tier's text
                    continue;
                }
                String name = startsWithTier(line, tier.label()) ? tier.label() : tier.code();
                last = tier.code();
                out.put(last, line.substring(name.length() + 1).strip());
            }
            return out.isEmpty() ? null : out;
        }

        private static boolean startsWithTier(String line, String tier) {
            return tier != null
                    && line.length() > tier.length()
                    && line.startsWith(tier)
                    && "：:=".indexOf(line.charAt(tier.length())) >= 0;
        }

        /** A numeric parameter given per tier ("10万指标值：4" per line); empty when the cell is one number. */
        private Map<String, Integer> perTier(Sheet s, int r, int col, String what, List<CatalogTier> tiers) {
            Map<String, String> lines = tierLines(text(s, r, col), tiers);
            Map<String, Integer> out = new LinkedHashMap<>();
            if (lines != null) {
                lines.forEach((tier, v) -> {
                    Integer n = integer(v, what, where(LIST, r, col));
                    if (n != null) {
                        out.put(tier, n);
                    }
                });
            }
            return out;
        }

        private void same(String first, Sheet s, int r, int col, int firstRow) {
            same(first, s, r, col, firstRow, null);
        }

        private <E> void same(String first, Sheet s, int r, int col, int firstRow, Function<String, E> parse) {
            String v = text(s, r, col);
            if (v == null) {
                return;
            }
            boolean equal = parse == null
                    ? v.equals(first)
                    : first != null && parse.apply(v) != null && parse.apply(v).equals(parse.apply(first));
            if (!equal) {
                p.add(where(LIST, r, col), "“" + COLUMNS.get(col) + "”与第" + (firstRow + 1) + "行的同一任务不一致（同一任务的后续行可留空）");
            }
        }

        private Sheet sheet(String name) {
            Sheet s = book.getSheet(name);
            if (s == null && !name.equals(GROUPS)) {
                p.add("", "缺少工作表“" + name + "”（请使用导出的模板）");
            }
            return s;
        }

        private <E extends Labelled> E enumCell(
                Sheet s, int r, int col, E[] values, Function<String, E> parser, String what) {
            String v = text(s, r, col);
            if (v == null) {
                return null;
            }
            E e = parser.apply(v);
            if (e == null) {
                p.add(where(s.getSheetName(), r, col), what + "“" + v + "”无效，可选：" + Labelled.allowed(values));
            }
            return e;
        }

        private Integer integer(String v, String what, String where) {
            if (v == null) {
                return null;
            }
            try {
                return new BigDecimal(v).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                p.add(where, what + "应为整数，而不是“" + v + "”");
                return null;
            }
        }
    }
}
