package cn.sgz.recipient.internal;

import cn.sgz.org.OrgUnitView;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.internal.RecipientAccess.Placement;
import cn.sgz.recipient.internal.RecipientStore.HmacMatch;
import cn.sgz.recipient.internal.RecipientStore.Matched;
import cn.sgz.recipient.internal.RecipientStore.Placed;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports district lists (辖区提供的名单). Upload → dry run: the file is kept in the database and every
 * row checked, every problem reported by row, column and reason, nothing written to the ledger. The
 * person may map unknown headers and check again. Confirm → the stored file is read and checked once
 * more and written in one transaction, in JDBC batches; any problem rolls everything back. People
 * already on the ledger (same ID number in the county) are updated, not duplicated.
 */
@Service
public class ImportService {

    static final int MAX_PROBLEMS_SHOWN = 2000;
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final RecipientAccess access;
    private final RecipientStore store;
    private final IdCrypto crypto;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final ApplicationEventPublisher events;
    private final long maxBytes;
    private final int maxRows;

    ImportService(
            JdbcClient jdbc,
            RecipientAccess access,
            RecipientStore store,
            IdCrypto crypto,
            org.springframework.jdbc.core.JdbcTemplate template,
            ApplicationEventPublisher events,
            @Value("${sgz.recipient.import.max-bytes:20971520}") long maxBytes,
            @Value("${sgz.recipient.import.max-rows:100000}") int maxRows) {
        this.jdbc = jdbc;
        this.access = access;
        this.store = store;
        this.crypto = crypto;
        this.template = template;
        this.events = events;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    public int maxRows() {
        return maxRows;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Stores the upload and checks it; nothing is written to the ledger. */
    @Transactional
    public ImportReport upload(long stationId, String fileName, byte[] content, RecipientCategory defaultCategory) {
        access.requireWriter();
        Placement station = stationPlacement(stationId);
        UploadGuard.Kind kind = UploadGuard.inspect(content, maxBytes, maxRows);
        String name = fileName == null || fileName.isBlank() ? "名单" : cut(fileName.strip(), 200);
        String mapping = defaultCategory == null ? "" : "default=" + defaultCategory.name();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO recipient_import (station_id, org_path, file_name, file_kind, content, mapping, status, "
                        + "created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)")
                .params(
                        station.stationId(),
                        station.path(),
                        name,
                        kind.name(),
                        crypto.encryptFile(content),
                        mapping,
                        ImportReport.HAS_PROBLEMS,
                        access.user().username(),
                        ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class) != null
                ? keys.getKeyAs(Long.class)
                : ((Number) keys.getKeys().get("id")).longValue();
        return check(id);
    }

    /** Sets how unknown headers map to fields (column index → field) and checks again. */
    @Transactional
    public ImportReport remap(long importId, Map<Integer, ImportField> columns, RecipientCategory defaultCategory) {
        access.requireWriter();
        Stored s = load(importId);
        requireOpen(s);
        StringBuilder mapping = new StringBuilder(defaultCategory == null ? "" : "default=" + defaultCategory.name());
        columns.forEach((index, field) -> {
            if (field != null) {
                mapping.append(mapping.isEmpty() ? "" : ";")
                        .append(index)
                        .append('=')
                        .append(field.name());
            }
        });
        jdbc.sql("UPDATE recipient_import SET mapping = ? WHERE id = ?")
                .params(cut(mapping.toString(), 2000), importId)
                .update();
        return check(importId);
    }

    /** Checks the stored file again (dry run). */
    @Transactional
    public ImportReport check(long importId) {
        Stored s = load(importId);
        if (s.content() == null) {
            return report(s, null, 0, 0, List.of(), 0, List.of());
        }
        Context ctx = context(s);
        int[] counts = new int[2];
        Analysis a = analyze(s, ctx, row -> counts[row.matchedId() == null ? 0 : 1]++);
        String status = a.problemCount() == 0 && a.dataRows() > 0 ? ImportReport.CHECKED : ImportReport.HAS_PROBLEMS;
        jdbc.sql("UPDATE recipient_import SET status = ?, total_rows = ?, problem_count = ? WHERE id = ?")
                .params(status, a.dataRows(), a.problemCount(), importId)
                .update();
        return report(
                new Stored(
                        s.id(),
                        s.stationId(),
                        s.path(),
                        s.fileName(),
                        s.kind(),
                        s.content(),
                        s.mapping(),
                        status,
                        s.created(),
                        s.updated()),
                a,
                counts[0],
                counts[1],
                a.problems(),
                a.problemCount(),
                a.columns());
    }

    /**
     * Writes the checked list: all rows or none. Problems found now (the ledger may have changed since
     * the dry run) roll everything back and come back as an {@link ImportFailedException}.
     */
    @Transactional
    public ImportReport confirm(long importId) {
        access.requireWriter();
        Stored s = load(importId);
        requireOpen(s);
        int claimed = jdbc.sql("UPDATE recipient_import SET status = 'IMPORTING' WHERE id = ? AND status = ?")
                .params(importId, ImportReport.CHECKED)
                .update();
        if (claimed == 0) {
            throw new BusinessException("IMPORT_NOT_READY", "名单尚未通过检查（或正在导入），请先修正问题并重新检查");
        }
        Context ctx = context(s);
        String user = access.user().username();
        List<ValidRow> creates = new ArrayList<>();
        List<ValidRow> updates = new ArrayList<>();
        int[] totals = new int[2];
        boolean[] failed = {false};
        Analysis a = analyze(
                s,
                ctx,
                row -> {
                    if (failed[0]) {
                        return;
                    }
                    (row.matchedId() == null ? creates : updates).add(row);
                    if (creates.size() + updates.size() >= CHUNK) {
                        flush(creates, updates, s.id(), user, totals);
                    }
                },
                () -> failed[0] = true);
        if (a.problemCount() > 0 || a.dataRows() == 0) {
            throw new ImportFailedException(
                    report(s, a, 0, 0, a.problems(), Math.max(1, a.problemCount()), a.columns()));
        }
        flush(creates, updates, s.id(), user, totals);
        jdbc.sql("UPDATE recipient_import SET status = ?, content = NULL, created_count = ?, updated_count = ?, "
                        + "imported_at = ? WHERE id = ?")
                .params(ImportReport.IMPORTED, totals[0], totals[1], ChinaTime.offsetNow(), importId)
                .update();
        events.publishEvent(AuditEvent.success(
                "RECIPIENT_IMPORT",
                "RECIPIENT_IMPORT",
                importId,
                s.path(),
                s.fileName() + "：新增" + totals[0] + "人，更新" + totals[1] + "人"));
        return report(
                new Stored(
                        s.id(),
                        s.stationId(),
                        s.path(),
                        s.fileName(),
                        s.kind(),
                        null,
                        s.mapping(),
                        ImportReport.IMPORTED,
                        totals[0],
                        totals[1]),
                a,
                totals[0],
                totals[1],
                List.of(),
                0,
                a.columns());
    }

    @Transactional(readOnly = true)
    public ImportReport get(long importId) {
        Stored s = load(importId);
        return report(s, null, s.created(), s.updated(), List.of(), 0, List.of());
    }

    private static Object[] member(long recipientId, ValidRow r, OffsetDateTime now) {
        return new Object[] {
            recipientId,
            r.guardianName(),
            r.guardianRelation() == null ? "监护人" : r.guardianRelation(),
            r.guardianPhone(),
            now
        };
    }

    private void flush(List<ValidRow> creates, List<ValidRow> updates, long importId, String user, int[] totals) {
        List<Placed> placed =
                creates.stream().map(r -> new Placed(r.at(), r.data())).toList();
        store.insertBatch(placed, importId, user);
        store.updateBatch(updates.stream()
                .map(r -> new Matched(r.matchedId(), r.at(), r.data()))
                .toList());
        // Guardians named on the list become household members (once), in one batch.
        List<Object[]> members = new ArrayList<>();
        OffsetDateTime now = ChinaTime.offsetNow();
        for (int i = 0; i < creates.size(); i++) {
            ValidRow r = creates.get(i);
            if (r.guardianName() != null) {
                members.add(member(placed.get(i).newId()[0], r, now));
            }
        }
        for (ValidRow r : updates) {
            if (r.guardianName() != null
                    && jdbc.sql("SELECT COUNT(*) FROM recipient_member WHERE recipient_id = ? " + "AND name = ?")
                                    .params(r.matchedId(), r.guardianName())
                                    .query(Long.class)
                                    .single()
                            == 0) {
                members.add(member(r.matchedId(), r, now));
            }
        }
        if (!members.isEmpty()) {
            template.batchUpdate(
                    "INSERT INTO recipient_member (recipient_id, name, relation, phone, guardian, note, "
                            + "created_at) VALUES (?,?,?,?,TRUE,NULL,?)",
                    members);
        }
        totals[0] += creates.size();
        totals[1] += updates.size();
        creates.clear();
        updates.clear();
    }

    // ---- analysis --------------------------------------------------------------------------------

    record ValidRow(
            int row,
            Placement at,
            RecipientData data,
            Long matchedId,
            String guardianName,
            String guardianRelation,
            String guardianPhone) {}

    private record Analysis(
            int dataRows,
            int problemCount,
            List<ImportReport.Problem> problems,
            List<ImportReport.Column> columns,
            List<ImportReport.SheetSummary> sheets,
            List<String> notices) {}

    private record Context(
            Placement station,
            Map<String, Placement> rooms,
            List<String> roomNames,
            Map<String, HmacMatch> index,
            Map<Long, Long> stationOfId,
            Map<Integer, ImportField> overrides,
            RecipientCategory defaultCategory,
            LocalDate today) {}

    private Context context(Stored s) {
        Placement station = stationPlacement(s.stationId());
        Map<String, Placement> rooms = new HashMap<>();
        List<String> roomNames = new ArrayList<>();
        for (OrgUnitView room : access.rooms()) {
            if (room.parentId() != null && room.parentId() == s.stationId() && room.active()) {
                Placement p = Placement.of(room);
                rooms.put(room.name(), p);
                rooms.putIfAbsent(villageCore(room.name()), p);
                roomNames.add(room.name().replace("社工室", ""));
            }
        }
        // the ledger export names the station itself for people kept directly under it: that re-imports as 直属社工站
        access.stations().stream()
                .filter(u -> u.id() == s.stationId())
                .findFirst()
                .ifPresent(u -> rooms.putIfAbsent(u.name(), station));
        Map<String, HmacMatch> index = store.hmacIndex(station.countyId());
        Map<Long, Long> stationOfId = new HashMap<>();
        index.values().forEach(m -> stationOfId.put(m.id(), m.stationId()));
        Map<Integer, ImportField> overrides = new HashMap<>();
        RecipientCategory def = null;
        for (String part : (s.mapping() == null ? "" : s.mapping()).split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("default")) {
                def = RecipientCategory.valueOf(kv[1]);
            } else {
                overrides.put(Integer.parseInt(kv[0]), ImportField.valueOf(kv[1]));
            }
        }
        return new Context(station, rooms, roomNames, index, stationOfId, overrides, def, ChinaTime.today());
    }

    private Analysis analyze(Stored s, Context ctx, java.util.function.Consumer<ValidRow> sink) {
        return analyze(s, ctx, sink, () -> {});
    }

    private Analysis analyze(Stored s, Context ctx, java.util.function.Consumer<ValidRow> sink, Runnable onProblem) {
        RowChecker checker = new RowChecker(ctx, sink, onProblem);
        SheetRows.read(UploadGuard.Kind.valueOf(s.kind()), s.content(), maxRows, new SheetRows.Sink() {
            @Override
            public void sheet(int index, String name) {
                checker.sheet(index, name);
            }

            @Override
            public void row(int rowNumber, List<String> cells) {
                checker.accept(rowNumber, cells);
            }
        });
        checker.finish();
        return new Analysis(
                checker.dataRows,
                checker.problemCount,
                checker.problems,
                checker.columns(),
                checker.sheets,
                checker.notices);
    }

    /** An ID number typed anywhere in a row: a sheet holding one is a list of people, never skipped unseen. */
    private static final java.util.regex.Pattern ID_LIKE = java.util.regex.Pattern.compile("\\d{17}[\\dXx]");

    /**
     * Finds the header row of each sheet, then checks each data row as it streams by. The first sheet is always a
     * list; a later sheet without a header of its own (an instructions sheet, a summary) is skipped and named in the
     * report, unless it holds ID numbers, which blocks the import until its header is fixed or it is removed.
     */
    private final class RowChecker {
        private final Context ctx;
        private final java.util.function.Consumer<ValidRow> sink;
        private final Runnable onProblem;
        private final List<Object[]> pending = new ArrayList<>();
        private final Map<String, String> seenIds = new HashMap<>();
        private final List<ImportReport.Problem> problems = new ArrayList<>();
        private final List<ImportReport.SheetSummary> sheets = new ArrayList<>();
        private final List<String> notices = new ArrayList<>();
        private List<String> headers;
        private List<String> firstHeaders;
        private Map<ImportField, Integer> fieldColumns;
        private int dataRows;
        private int problemCount;
        private boolean blocked;
        private int sheetIndex;
        private String sheetName = "";
        private int sheetRows;
        private int skippedRows;
        private int idLikeRows;
        private boolean headerless;
        private int examples;

        RowChecker(Context ctx, java.util.function.Consumer<ValidRow> sink, Runnable onProblem) {
            this.ctx = ctx;
            this.sink = sink;
            this.onProblem = onProblem;
        }

        void sheet(int index, String name) {
            if (index > 0) {
                finishSheet();
            }
            sheetIndex = index;
            sheetName = name == null ? "" : name;
            headers = null;
            fieldColumns = null;
            blocked = false;
            headerless = false;
            sheetRows = 0;
            skippedRows = 0;
            idLikeRows = 0;
            pending.clear();
        }

        void accept(int rowNumber, List<String> cells) {
            if (headers != null) {
                data(rowNumber, cells);
                return;
            }
            if (headerless) {
                skip(cells);
                return;
            }
            pending.add(new Object[] {rowNumber, cells});
            long recognized = cells.stream()
                    .map(ImportField::recognize)
                    .filter(f -> f != null && f != ImportField.SEQUENCE)
                    .count();
            boolean key = cells.stream()
                    .map(ImportField::recognize)
                    .anyMatch(f -> f == ImportField.NAME || f == ImportField.ID_NUMBER);
            if (recognized >= 2 && key) {
                setHeader((Integer) pending.get(pending.size() - 1)[0], cells);
                pending.clear();
            } else if (pending.size() >= 10) {
                if (sheetIndex == 0) {
                    usePendingFirstRowAsHeader();
                } else {
                    giveUpOnHeader();
                }
            }
        }

        /** A later sheet with no header in its first rows: remember how many rows (and ID numbers) it holds. */
        @SuppressWarnings("unchecked")
        private void giveUpOnHeader() {
            headerless = true;
            for (Object[] r : pending) {
                skip((List<String>) r[1]);
            }
            pending.clear();
        }

        /** A row of a sheet that is not a list: counted, and noted when it holds an ID number. */
        private void skip(List<String> cells) {
            skippedRows++;
            if (cells.stream().anyMatch(c -> c != null && ID_LIKE.matcher(c).find())) {
                idLikeRows++;
            }
        }

        @SuppressWarnings("unchecked")
        private void usePendingFirstRowAsHeader() {
            List<Object[]> rows = new ArrayList<>(pending);
            pending.clear();
            setHeader((Integer) rows.get(0)[0], (List<String>) rows.get(0)[1]);
            for (int i = 1; i < rows.size(); i++) {
                data((Integer) rows.get(i)[0], (List<String>) rows.get(i)[1]);
            }
        }

        private void finishSheet() {
            if (headers == null && !pending.isEmpty()) {
                if (sheetIndex == 0) {
                    usePendingFirstRowAsHeader();
                } else {
                    giveUpOnHeader();
                }
            }
            if (headerless || (headers == null && sheetIndex > 0)) {
                if (idLikeRows > 0) {
                    problem(
                            0,
                            -1,
                            "工作表“" + sheetName + "”有" + idLikeRows + "行含身份证号，但没有找到表头（姓名、身份证号）："
                                    + "请给该表加上与模板相同的表头，或删除该工作表后重新导入");
                } else if (skippedRows > 0) {
                    notices.add("工作表“" + sheetName + "”没有名单表头（姓名、身份证号），其中" + skippedRows + "行不是名单，未导入");
                }
                sheets.add(new ImportReport.SheetSummary(sheetName, 0, false));
            } else if (headers != null) {
                sheets.add(new ImportReport.SheetSummary(sheetName, sheetRows, true));
            }
        }

        void finish() {
            finishSheet();
            sheetName = ""; // what follows is about the whole file
            headers = null;
            if (firstHeaders == null) {
                problem(0, -1, "文件中没有内容：请使用模板，第一行为表头，从第二行起每行一人");
            } else if (dataRows == 0 && problemCount == 0) {
                problem(0, -1, examples > 0 ? "文件只有模板中的示例行，没有要导入的人：请在示例行下方填写名单（示例行不会导入）" : "文件只有表头，没有数据行");
            }
        }

        private void setHeader(int rowNumber, List<String> cells) {
            headers = new ArrayList<>();
            for (String c : cells) {
                headers.add(c == null ? "" : c.strip());
            }
            if (firstHeaders == null) {
                firstHeaders = headers;
            }
            fieldColumns = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                ImportField f =
                        ctx.overrides().containsKey(i) ? ctx.overrides().get(i) : ImportField.recognize(headers.get(i));
                if (f != null && f != ImportField.IGNORE && f != ImportField.SEQUENCE) {
                    if (fieldColumns.containsKey(f)) {
                        problem(
                                rowNumber,
                                i,
                                "“" + f.label() + "”列重复（与第" + letter(fieldColumns.get(f)) + "列），请在列对应中把其中一列设为忽略");
                        blocked = true;
                    } else {
                        fieldColumns.put(f, i);
                    }
                }
            }
            for (int i = 0; i < headers.size(); i++) {
                // A column that plainly holds a known field but was not matched exactly (所属村（社区）) must be
                // mapped or ignored on purpose: left alone, its data would silently not be imported.
                ImportField guess = ImportField.resembles(headers.get(i));
                if (guess != null
                        && !ctx.overrides().containsKey(i)
                        && ImportField.recognize(headers.get(i)) == null
                        && !fieldColumns.containsKey(guess)) {
                    problem(
                            rowNumber,
                            i,
                            "第" + letter(i) + "列“" + headers.get(i) + "”像是“" + guess.label()
                                    + "”列，但未能自动对应：请在下方“列对应”中指定为“" + guess.label() + "”，或设为忽略");
                }
            }
            for (ImportField f : ImportField.values()) {
                if (f.required() && !fieldColumns.containsKey(f)) {
                    problem(rowNumber, -1, "未找到“" + f.label() + "”列：请检查表头，或在下方“列对应”中指定哪一列是" + f.label());
                    blocked = true;
                }
            }
        }

        List<ImportReport.Column> columns() {
            List<ImportReport.Column> cols = new ArrayList<>();
            if (firstHeaders == null) {
                return cols;
            }
            for (int i = 0; i < firstHeaders.size(); i++) {
                if (firstHeaders.get(i).isEmpty() && !ctx.overrides().containsKey(i)) {
                    continue;
                }
                ImportField auto = ImportField.recognize(firstHeaders.get(i));
                ImportField f = ctx.overrides().getOrDefault(i, auto);
                cols.add(new ImportReport.Column(i, letter(i), firstHeaders.get(i), f, auto != null));
            }
            return cols;
        }

        private String cell(List<String> cells, ImportField f) {
            Integer i = fieldColumns.get(f);
            if (i == null || i >= cells.size() || cells.get(i) == null) {
                return null;
            }
            String v = cells.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        private void data(int row, List<String> cells) {
            if (isTemplateExample(cells)) {
                examples++;
                notices.add(where(row) + "是模板中的示例行，未导入");
                return;
            }
            dataRows++;
            sheetRows++;
            if (blocked) {
                return;
            }
            int before = problemCount;
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) != null && cells.get(i).length() > SheetRows.MAX_CELL) {
                    problem(row, i, "单元格内容过长（超过" + SheetRows.MAX_CELL + "字）");
                }
            }
            String idText = cell(cells, ImportField.ID_NUMBER);
            String id = IdNumbers.normalize(idText);
            Integer age = IdNumbers.problem(id, ctx.today()) == null
                    ? Period.between(IdNumbers.birthDate(id), ctx.today()).getYears()
                    : null;

            ImportTokens.Categories cats = new ImportTokens.Categories();
            for (ImportField f : List.of(ImportField.CATEGORY, ImportField.FLAGS)) {
                List<String> unknown = ImportTokens.parseCategories(cell(cells, f), age, cats);
                if (!unknown.isEmpty()) {
                    problem(
                            row,
                            fieldColumns.get(f),
                            "无法识别的类别“" + String.join("、", unknown) + "”。" + ImportTokens.CATEGORY_HELP);
                }
            }
            if (cats.categories.isEmpty() && ctx.defaultCategory() != null) {
                cats.categories.add(ctx.defaultCategory());
            }
            var disabilityType = parsed(
                    row,
                    cells,
                    ImportField.DISABILITY_TYPE,
                    ImportTokens::disabilityType,
                    "残疾类别应为：视力、听力、言语、肢体、智力、精神或多重残疾");
            var grade = parsed(row, cells, ImportField.DISABILITY_GRADE, ImportTokens::disabilityGrade, "残疾等级应为一级至四级");
            var subsidy =
                    parsed(row, cells, ImportField.SUBSIDY, ImportTokens::subsidy, "两项补贴应填：已享受、申请中、符合条件未享受、不符合条件");
            var risk = parsed(row, cells, ImportField.RISK, ImportTokens::risk, "风险等级应为高、中、低");
            var birth = parsed(row, cells, ImportField.BIRTH_DATE, ImportTokens::date, "出生日期格式不正确（应如 1950-03-05）");

            Placement at = ctx.station();
            String village = cell(cells, ImportField.VILLAGE);
            if (village != null) {
                Placement room = ctx.rooms().get(village);
                if (room == null) {
                    room = ctx.rooms().get(villageCore(village));
                }
                if (room == null) {
                    problem(
                            row,
                            fieldColumns.get(ImportField.VILLAGE),
                            "村（社区）“" + village + "”不在本社工站下"
                                    + (ctx.roomNames().isEmpty()
                                            ? "（本站尚未设村社工室，可留空）"
                                            : "，可填：" + String.join("、", ctx.roomNames()) + "，或留空表示直属社工站"));
                } else {
                    at = room;
                }
            }
            String guardianName = cell(cells, ImportField.GUARDIAN_NAME);
            String guardianPhone = cell(cells, ImportField.GUARDIAN_PHONE);
            if (guardianPhone != null && !PhoneNumbers.isValid(guardianPhone)) {
                problem(row, fieldColumns.get(ImportField.GUARDIAN_PHONE), "监护人电话格式不正确");
            }
            if (guardianName != null && guardianName.length() > 50) {
                problem(row, fieldColumns.get(ImportField.GUARDIAN_NAME), "监护人姓名不能超过50个字");
            }
            String relation = cell(cells, ImportField.GUARDIAN_RELATION);
            if (relation != null && relation.length() > 20) {
                problem(row, fieldColumns.get(ImportField.GUARDIAN_RELATION), "与监护人关系不能超过20个字");
            }

            RecipientForm form = new RecipientForm(
                    at.unitId(),
                    cell(cells, ImportField.NAME),
                    cell(cells, ImportField.GENDER),
                    birth,
                    idText,
                    cell(cells, ImportField.PHONE),
                    cell(cells, ImportField.ADDRESS),
                    cats.categories,
                    cats.assistance,
                    cats.elderly,
                    cats.child,
                    disabilityType,
                    grade,
                    subsidy,
                    cats.other,
                    risk,
                    cell(cells, ImportField.NOTE));
            RecipientRules.Outcome outcome = RecipientRules.check(form, ctx.today());
            for (FieldProblem p : outcome.problems()) {
                if (p.field().equals("categories") && cats.categories.isEmpty()) {
                    problem(
                            row,
                            column(ImportField.CATEGORY),
                            "未填写类别：请填写类别，或在导入时选择“默认类别”。" + ImportTokens.CATEGORY_HELP);
                } else {
                    problem(row, column(fieldOf(p.field())), p.message());
                }
            }
            Long matchedId = null;
            if (age != null) {
                String hmac = crypto.hmac(id);
                String firstRow = seenIds.putIfAbsent(hmac, where(row));
                if (firstRow != null) {
                    problem(row, column(ImportField.ID_NUMBER), "身份证号与" + firstRow + "重复，同一人只能出现一次");
                }
                HmacMatch match = ctx.index().get(hmac);
                if (match != null) {
                    long targetId = match.mergedIntoId() != null ? match.mergedIntoId() : match.id();
                    long targetStation = ctx.stationOfId().getOrDefault(targetId, match.stationId());
                    if (targetStation != ctx.station().stationId()) {
                        problem(row, column(ImportField.ID_NUMBER), "该身份证号已在本区县其他社工站登记，不能在本站重复登记；如已迁入，请联系原社工站办理迁出");
                    } else {
                        matchedId = targetId;
                    }
                }
            }
            if (problemCount == before && outcome.ok()) {
                sink.accept(new ValidRow(
                        row,
                        at,
                        outcome.data(),
                        matchedId,
                        guardianName,
                        relation,
                        guardianPhone == null ? null : guardianPhone.replace(" ", "")));
            }
        }

        /** "第5行", or "工作表“新光一村”第5行" from the second sheet on. */
        private String where(int row) {
            return (sheetIndex > 0 || sheets.size() > 0 ? "工作表“" + sheetName + "”" : "") + "第" + row + "行";
        }

        /** The downloadable template's example rows (名字带“（示例）”, 备注“示例行”) are never people. */
        private boolean isTemplateExample(List<String> cells) {
            String name = cell(cells, ImportField.NAME);
            String note = cell(cells, ImportField.NOTE);
            return (name != null && (name.contains("（示例）") || name.contains("(示例)")))
                    || (note != null && note.startsWith("示例行"));
        }

        private <T> T parsed(
                int row,
                List<String> cells,
                ImportField f,
                java.util.function.Function<String, T> parser,
                String message) {
            String v = cell(cells, f);
            if (v == null) {
                return null;
            }
            T t = parser.apply(v);
            if (t == null) {
                problem(row, fieldColumns.get(f), message + "（当前为“" + v + "”）");
            }
            return t;
        }

        private int column(ImportField f) {
            Integer i = fieldColumns.get(f);
            if (i == null && f == ImportField.CATEGORY) {
                i = fieldColumns.get(ImportField.FLAGS);
            }
            return i == null ? -1 : i;
        }

        private void problem(int row, Integer col, String message) {
            problemCount++;
            onProblem.run();
            if (problems.size() < MAX_PROBLEMS_SHOWN) {
                int c = col == null ? -1 : col;
                problems.add(new ImportReport.Problem(
                        sheetName,
                        row,
                        c < 0 ? "" : letter(c),
                        c < 0 || headers == null || c >= headers.size() ? "" : headers.get(c),
                        message));
            }
        }
    }

    private static ImportField fieldOf(String formField) {
        return switch (formField) {
            case "name" -> ImportField.NAME;
            case "idNumber" -> ImportField.ID_NUMBER;
            case "gender" -> ImportField.GENDER;
            case "birthDate" -> ImportField.BIRTH_DATE;
            case "phone" -> ImportField.PHONE;
            case "address" -> ImportField.ADDRESS;
            case "note" -> ImportField.NOTE;
            case "orgUnitId" -> ImportField.VILLAGE;
            default -> ImportField.CATEGORY;
        };
    }

    static String letter(int index) {
        return CellReference.convertNumToColString(index);
    }

    /** "新光一村社区社工室", "新光一村社区" and "新光一村" all name the same village. */
    static String villageCore(String name) {
        String s = name.strip().replace("（", "(").replace("）", ")").replace("(社区)", "");
        String[] suffixes = {"社工室", "工作室", "社区", "居委会", "村委会", "嘎查", "苏木", "村"};
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : suffixes) {
                if (s.endsWith(suffix) && s.length() - suffix.length() >= 2) {
                    s = s.substring(0, s.length() - suffix.length());
                    changed = true;
                }
            }
        }
        return s;
    }

    // ---- storage ---------------------------------------------------------------------------------

    private record Stored(
            long id,
            long stationId,
            String path,
            String fileName,
            String kind,
            byte[] content,
            String mapping,
            String status,
            int created,
            int updated) {}

    private Stored load(long importId) {
        Stored s = jdbc.sql("SELECT id, station_id, org_path, file_name, file_kind, content, mapping, status, "
                        + "created_count, updated_count FROM recipient_import WHERE id = ?")
                .param(importId)
                .query((rs, i) -> new Stored(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        crypto.decryptFile(rs.getBytes(6)),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getInt(9),
                        rs.getInt(10)))
                .optional()
                .orElseThrow(() -> new NotFoundException("导入批次"));
        if (!access.scope().covers(s.path())) {
            throw new NotFoundException("导入批次");
        }
        return s;
    }

    private static void requireOpen(Stored s) {
        if (ImportReport.IMPORTED.equals(s.status())) {
            throw new BusinessException("IMPORT_DONE", "该名单已经导入，如需更新请重新上传");
        }
        if (ImportReport.EXPIRED.equals(s.status()) || s.content() == null) {
            throw new BusinessException("IMPORT_EXPIRED", "该名单上传后长时间未确认导入，文件已按规定清除，请重新上传");
        }
    }

    private Placement stationPlacement(long stationId) {
        Placement p = access.placement(stationId, "stationId");
        if (p.unitId() != p.stationId()) {
            throw BusinessException.field("stationId", "请选择社工站（乡镇/街道），名单中的“村（社区）”列决定每人所属的村社区");
        }
        return p;
    }

    private ImportReport report(
            Stored s,
            Analysis a,
            int toCreate,
            int toUpdate,
            List<ImportReport.Problem> problems,
            int problemCount,
            List<ImportReport.Column> columns) {
        String stationName = access.stations().stream()
                .filter(u -> u.id() == s.stationId())
                .map(OrgUnitView::name)
                .findFirst()
                .orElse(null);
        RecipientCategory def = null;
        if (s.mapping() != null && s.mapping().startsWith("default=")) {
            def = RecipientCategory.valueOf(s.mapping().split(";")[0].substring("default=".length()));
        }
        boolean unknown =
                columns.stream().anyMatch(c -> !c.recognized() && !c.header().isEmpty());
        return new ImportReport(
                s.id(),
                s.fileName(),
                s.status(),
                s.stationId(),
                stationName,
                def,
                a == null ? 0 : a.dataRows(),
                toCreate,
                toUpdate,
                problemCount,
                problems,
                problemCount > problems.size(),
                columns,
                unknown,
                a == null ? List.of() : a.sheets(),
                a == null ? List.of() : a.notices());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
