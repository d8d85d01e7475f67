package cn.sgz.recipient.internal;

import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RecipientStatus;
import cn.sgz.recipient.RecipientView;
import cn.sgz.recipient.internal.RecipientAccess.Placement;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.excel.XlsxTable;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The recipient registry: ledgers, one person's record, edits, status, duplicates, merging, unmasking. */
@Service
public class RecipientService {

    static final int MAX_PAGE = 200;
    static final int MAX_EXPORT = 100_000;

    private final RecipientStore store;
    private final RecipientAccess access;
    private final IdCrypto crypto;
    private final ApplicationEventPublisher events;

    RecipientService(RecipientStore store, RecipientAccess access, IdCrypto crypto, ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.crypto = crypto;
        this.events = events;
    }

    /** One page of a ledger with its total and per-category counts. */
    public record LedgerPage(
            List<RecipientView> items, long total, int page, int size, Map<RecipientCategory, Long> categoryCounts) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    @Transactional(readOnly = true)
    public LedgerPage ledger(LedgerQuery query, int page, int size) {
        Scope scope = access.scope();
        int s = Math.max(1, Math.min(size, MAX_PAGE));
        int p = Math.max(0, page);
        List<StoredRecipient> rows = store.search(scope, query, p * s, s);
        return new LedgerPage(views(rows), store.count(scope, query), p, s, store.countByCategory(scope, query));
    }

    @Transactional(readOnly = true)
    public RecipientView get(long id) {
        access.requireVisible(id);
        StoredRecipient r = store.find(id).orElseThrow(() -> new NotFoundException("服务对象"));
        return views(List.of(r)).get(0);
    }

    /** Possible duplicates of what is being typed: same name and birth date, or same phone. */
    @Transactional(readOnly = true)
    public List<RecipientView> possibleDuplicates(RecipientForm form, Long excludeId) {
        RecipientRules.Outcome outcome = RecipientRules.check(form, ChinaTime.today());
        if (!outcome.ok()) {
            return List.of();
        }
        RecipientData d = outcome.data();
        return views(store.possibleDuplicates(access.scope(), d.name(), d.birthDate(), d.phone(), excludeId));
    }

    /** Other records that may be the same person as this one (for merging). */
    @Transactional(readOnly = true)
    public List<RecipientView> duplicatesOf(long id) {
        access.requireVisible(id);
        StoredRecipient r = store.find(id).orElseThrow();
        return views(store.possibleDuplicates(access.scope(), r.name(), r.birthDate(), r.phone(), id));
    }

    /**
     * Registers a person. Unless {@code confirmDuplicates}, possible duplicates stop the save with a
     * POSSIBLE_DUPLICATE problem listing them, so the person can look before saving.
     */
    @Transactional
    public RecipientView create(RecipientForm form, boolean confirmDuplicates) {
        access.requireWriter();
        Placement at = access.placement(form.orgUnitId(), "orgUnitId");
        RecipientData d = validate(form);
        requireUniqueInCounty(at.countyId(), d.idNumber(), null);
        if (!confirmDuplicates) {
            rejectPossibleDuplicates(d, null);
        }
        long id = store.insert(at, d, null, access.user().username());
        events.publishEvent(AuditEvent.success("RECIPIENT_CREATE", "RECIPIENT", id, at.path(), null));
        return get(id);
    }

    @Transactional
    public RecipientView update(long id, RecipientForm form, long expectedVersion) {
        access.requireWriter();
        access.requireVisible(id);
        StoredRecipient current = store.find(id).orElseThrow();
        if (current.mergedIntoId() != null) {
            throw new ConflictException("该记录已合并到其他记录，不能再修改");
        }
        Placement at = access.placement(form.orgUnitId() == null ? current.orgUnitId() : form.orgUnitId(), "orgUnitId");
        if (at.countyId() != current.countyId()) {
            throw BusinessException.field("orgUnitId", "不能把服务对象移到其他区县，请在迁入地重新登记");
        }
        RecipientForm input = form.idNumber() == null || form.idNumber().isBlank()
                ? form.withIdNumber(crypto.decrypt(current.idCipher()))
                : form;
        RecipientData d = validate(input);
        requireUniqueInCounty(at.countyId(), d.idNumber(), id);
        store.updateFull(id, at, d, expectedVersion);
        events.publishEvent(AuditEvent.success("RECIPIENT_UPDATE", "RECIPIENT", id, at.path(), null));
        return get(id);
    }

    @Transactional
    public RecipientView changeStatus(long id, RecipientStatus status, LocalDate date, String note) {
        access.requireWriter();
        String path = access.requireVisible(id);
        if (status == null || status == RecipientStatus.MERGED) {
            throw BusinessException.field("status", "请选择状态（在册、已迁出、已故、已退出）");
        }
        LocalDate when = date == null ? ChinaTime.today() : date;
        if (when.isAfter(ChinaTime.today())) {
            throw BusinessException.field("statusDate", "日期不能晚于今天");
        }
        StoredRecipient r = store.find(id).orElseThrow();
        if (r.status() == RecipientStatus.MERGED) {
            throw new ConflictException("该记录已合并到其他记录");
        }
        String cleanNote = RecipientRules.blankToNull(note);
        if (cleanNote != null && cleanNote.length() > 500) {
            throw BusinessException.field("note", "说明不能超过500个字");
        }
        store.setStatus(id, status, when);
        store.addHistory(id, status, when, cleanNote, access.user().username());
        if (status != RecipientStatus.ACTIVE) {
            endRoster(id, when);
        }
        events.publishEvent(AuditEvent.success("RECIPIENT_STATUS", "RECIPIENT", id, path, status.name()));
        return get(id);
    }

    /** Status changes, newest first. */
    public record StatusChange(
            RecipientStatus status,
            LocalDate effectiveDate,
            String note,
            String changedBy,
            java.time.OffsetDateTime changedAt) {

        public String statusLabel() {
            return status.label();
        }
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(long id) {
        access.requireVisible(id);
        return jdbcHistory(id);
    }

    private List<StatusChange> jdbcHistory(long id) {
        return store.jdbc()
                .sql("SELECT status, effective_date, note, changed_by, changed_at FROM recipient_status_history "
                        + "WHERE recipient_id = ? ORDER BY changed_at DESC, id DESC")
                .param(id)
                .query((rs, i) -> new StatusChange(
                        RecipientStatus.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class)))
                .list();
    }

    /** The full ID number, for the roles that need it; every call (also a refused one) is audited. */
    @Transactional(readOnly = true, noRollbackFor = ForbiddenException.class)
    public String revealIdNumber(long id) {
        String path = access.requireVisible(id);
        if (!access.mayUnmask()) {
            events.publishEvent(
                    new AuditEvent(null, "VIEW_PERSONAL", "RECIPIENT", String.valueOf(id), path, "DENIED", "身份证号"));
            throw new ForbiddenException("当前角色不能查看完整身份证号");
        }
        StoredRecipient r = store.find(id).orElseThrow();
        events.publishEvent(AuditEvent.success("VIEW_PERSONAL", "RECIPIENT", id, path, "查看完整身份证号"));
        return crypto.decrypt(r.idCipher());
    }

    /**
     * Merges {@code otherId} into {@code keepId}: members, status history, assessments, roster and
     * follow-ups move to the kept record, categories are united, empty fields filled; the other record
     * stays as MERGED with a pointer to the kept one, so nothing of its history is lost.
     */
    @Transactional
    public RecipientView merge(long keepId, long otherId) {
        access.requireWriter();
        if (keepId == otherId) {
            throw BusinessException.field("otherId", "不能与自身合并");
        }
        String keepPath = access.requireVisible(keepId);
        access.requireVisible(otherId);
        StoredRecipient keep = store.find(keepId).orElseThrow();
        StoredRecipient other = store.find(otherId).orElseThrow();
        if (keep.mergedIntoId() != null || other.mergedIntoId() != null) {
            throw new ConflictException("已合并的记录不能再次合并");
        }
        if (keep.countyId() != other.countyId()) {
            throw BusinessException.field("otherId", "只能合并同一区县的记录");
        }
        var jdbc = store.jdbc();
        for (String table :
                List.of("recipient_member", "recipient_status_history", "home_assessment", "followup_record")) {
            jdbc.sql("UPDATE " + table + " SET recipient_id = ? WHERE recipient_id = ?")
                    .params(keepId, otherId)
                    .update();
        }
        jdbc.sql("UPDATE recipient_member SET linked_recipient_id = ? WHERE linked_recipient_id = ?")
                .params(keepId, otherId)
                .update();
        boolean keepOnRoster = jdbc.sql("SELECT COUNT(*) FROM followup_roster WHERE recipient_id = ? AND active")
                        .param(keepId)
                        .query(Long.class)
                        .single()
                > 0;
        if (keepOnRoster) {
            jdbc.sql("UPDATE followup_roster SET active = FALSE, ended_on = ? WHERE recipient_id = ? AND active")
                    .params(ChinaTime.today(), otherId)
                    .update();
        }
        jdbc.sql("UPDATE followup_roster SET recipient_id = ? WHERE recipient_id = ?")
                .params(keepId, otherId)
                .update();
        // Categories: union; for a category both have, subtype and flags are united too.
        Map<Long, List<CategoryRow>> cats = store.categoriesOf(List.of(keepId, otherId));
        List<CategoryRow> merged = new ArrayList<>(cats.getOrDefault(keepId, List.of()));
        for (CategoryRow o : cats.getOrDefault(otherId, List.of())) {
            CategoryRow mine = merged.stream()
                    .filter(m -> m.category() == o.category())
                    .findFirst()
                    .orElse(null);
            if (mine == null) {
                merged.add(o);
            } else {
                List<String> flags = new ArrayList<>(mine.flags());
                o.flags().stream().filter(f -> !flags.contains(f)).forEach(flags::add);
                merged.set(
                        merged.indexOf(mine),
                        new CategoryRow(mine.category(), mine.subtype() != null ? mine.subtype() : o.subtype(), flags));
            }
        }
        store.replaceCategories(keepId, merged);
        jdbc.sql("UPDATE recipient SET phone = COALESCE(phone, ?), address = COALESCE(address, ?), "
                        + "disability_type = COALESCE(disability_type, ?), disability_grade = COALESCE(disability_grade, ?), "
                        + "subsidy_status = COALESCE(subsidy_status, ?), risk_level = COALESCE(risk_level, ?), "
                        + "version = version + 1 WHERE id = ?")
                .params(
                        other.phone(),
                        other.address(),
                        n(other.disabilityType()),
                        n(other.disabilityGrade()),
                        n(other.subsidyStatus()),
                        n(other.riskLevel()),
                        keepId)
                .update();
        refreshLastAssessment(keepId);
        String user = access.user().username();
        store.setStatus(otherId, RecipientStatus.MERGED, ChinaTime.today());
        jdbc.sql("UPDATE recipient SET merged_into_id = ? WHERE id = ?")
                .params(keepId, otherId)
                .update();
        store.addHistory(otherId, RecipientStatus.MERGED, ChinaTime.today(), "已合并到记录 #" + keepId, user);
        store.addHistory(
                keepId, keep.status(), ChinaTime.today(), "合并了记录 #" + otherId + "（" + other.name() + "）", user);
        events.publishEvent(AuditEvent.success("RECIPIENT_MERGE", "RECIPIENT", keepId, keepPath, "合并 #" + otherId));
        return get(keepId);
    }

    void refreshLastAssessment(long id) {
        store.jdbc()
                .sql("UPDATE recipient SET last_assessment_id = (SELECT MAX(a.id) FROM home_assessment a WHERE "
                        + "a.recipient_id = ? AND a.assessed_on = (SELECT MAX(b.assessed_on) FROM home_assessment b "
                        + "WHERE b.recipient_id = ?)), last_assessed_on = (SELECT MAX(assessed_on) FROM home_assessment "
                        + "WHERE recipient_id = ?) WHERE id = ?")
                .params(id, id, id, id)
                .update();
    }

    private void endRoster(long id, LocalDate when) {
        store.jdbc()
                .sql("UPDATE followup_roster SET active = FALSE, ended_on = ? WHERE recipient_id = ? AND active")
                .params(when, id)
                .update();
    }

    /** The ledger as xlsx; IDs masked unless {@code fullIds} and the role may see them. Audited. */
    @Transactional(readOnly = true)
    public byte[] export(LedgerQuery query, boolean fullIds) {
        if (fullIds && !access.mayUnmask()) {
            throw new ForbiddenException("当前角色不能导出完整身份证号");
        }
        Scope scope = access.scope();
        long total = store.count(scope, query);
        if (total > MAX_EXPORT) {
            throw new BusinessException("EXPORT_TOO_LARGE", "一次最多导出" + MAX_EXPORT + "人，请按社工站或类别筛选后再导出");
        }
        String title = query.category() == null ? "服务对象台账" : ledgerTitle(query.category());
        XlsxTable.SheetBuilder sheet = XlsxTable.sheet(title)
                .title(title)
                .subtitle(XlsxTable.asOf(access.scopeLabel(query.unitId()), ChinaTime.today()))
                .columns(
                        XlsxTable.Column.seq(),
                        XlsxTable.Column.text("社工站"),
                        XlsxTable.Column.text("村（社区）"),
                        XlsxTable.Column.text("姓名"),
                        XlsxTable.Column.text("性别", 6),
                        XlsxTable.Column.date("出生日期"),
                        XlsxTable.Column.integer("年龄"),
                        XlsxTable.Column.text("身份证号", 22),
                        XlsxTable.Column.text("联系电话", 14),
                        XlsxTable.Column.text("住址", 28),
                        XlsxTable.Column.text("类别", 24),
                        XlsxTable.Column.text("残疾类别"),
                        XlsxTable.Column.text("残疾等级"),
                        XlsxTable.Column.text("两项补贴"),
                        XlsxTable.Column.text("风险等级"),
                        XlsxTable.Column.text("状态"),
                        XlsxTable.Column.date("最近入户评估"))
                .landscape(true);
        int count = 0;
        int page = 0;
        while (true) {
            List<StoredRecipient> chunk = store.search(scope, query, page * 1000, 1000);
            if (chunk.isEmpty()) {
                break;
            }
            List<RecipientView> views = views(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                RecipientView v = views.get(i);
                String id = fullIds ? crypto.decrypt(chunk.get(i).idCipher()) : v.maskedIdNumber();
                sheet.row(
                        ++count,
                        nz(v.stationName()),
                        nz(v.orgUnitName()),
                        v.name(),
                        v.gender(),
                        v.birthDate(),
                        v.age(),
                        id,
                        nz(v.phone()),
                        nz(v.address()),
                        v.categoryLabels(),
                        label(v.disabilityType()),
                        label(v.disabilityGrade()),
                        label(v.subsidyStatus()),
                        label(v.riskLevel()),
                        v.status().label(),
                        v.lastAssessedOn());
            }
            page++;
        }
        byte[] file = sheet.toBytes();
        events.publishEvent(AuditEvent.success(
                "EXPORT", "RECIPIENT", null, null, title + " " + count + "人" + (fullIds ? "（含完整身份证号）" : "")));
        return file;
    }

    /** The ledger names the seeds use: 社会救助对象台账, 困难老人台账, 困境儿童台账, 残疾人台账 … */
    static String ledgerTitle(RecipientCategory c) {
        return c.label() + "台账";
    }

    // ---- helpers -------------------------------------------------------------------------------

    private RecipientData validate(RecipientForm form) {
        RecipientRules.Outcome outcome = RecipientRules.check(form, ChinaTime.today());
        if (!outcome.ok()) {
            throw new BusinessException(
                    "INVALID_INPUT", outcome.problems().get(0).message(), outcome.problems());
        }
        return outcome.data();
    }

    private void requireUniqueInCounty(long countyId, String idNumber, Long selfId) {
        store.findByHmac(countyId, crypto.hmac(idNumber))
                .filter(existing -> selfId == null || existing.id() != selfId)
                .ifPresent(existing -> {
                    boolean visible = access.scope().covers(existing.orgPath());
                    throw BusinessException.field(
                            "idNumber",
                            visible
                                    ? "该身份证号已登记（" + existing.name() + "，记录 #" + existing.id() + "），同一区县不能重复登记"
                                    : "该身份证号已在本区县其他社工站登记，同一区县不能重复登记");
                });
    }

    private void rejectPossibleDuplicates(RecipientData d, Long selfId) {
        List<StoredRecipient> dups =
                store.possibleDuplicates(access.scope(), d.name(), d.birthDate(), d.phone(), selfId);
        if (!dups.isEmpty()) {
            List<FieldProblem> problems = dups.stream()
                    .map(r -> new FieldProblem(
                            "duplicates",
                            "#" + r.id() + " " + r.name() + " " + r.birthDate() + " "
                                    + IdNumbers.maskFromTail(null, r.idTail())
                                    + (r.phone() == null ? "" : " " + r.phone())))
                    .toList();
            throw new BusinessException(
                    "POSSIBLE_DUPLICATE", "发现" + dups.size() + "条可能重复的记录（姓名和出生日期相同，或电话相同），请核对；确认不是同一人后再保存", problems);
        }
    }

    /** Views of recipients the caller selected inside the scope. */
    List<RecipientView> viewsOf(List<Long> ids) {
        return views(store.findAll(ids));
    }

    List<RecipientView> views(List<StoredRecipient> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CategoryRow>> cats =
                store.categoriesOf(rows.stream().map(StoredRecipient::id).toList());
        Map<Long, OrgUnitView> units = access.unitsById();
        LocalDate today = ChinaTime.today();
        boolean phones = access.mayReadPhones();
        List<RecipientView> views = new ArrayList<>(rows.size());
        for (StoredRecipient r : rows) {
            OrgUnitView station = units.get(r.stationId());
            OrgUnitView unit = units.get(r.orgUnitId());
            List<RecipientView.Category> categories = cats.getOrDefault(r.id(), List.of()).stream()
                    .map(c -> new RecipientView.Category(
                            c.category(), c.subtype(), c.flags(), RecipientRules.describe(c)))
                    .toList();
            views.add(new RecipientView(
                    r.id(),
                    r.stationId(),
                    station == null ? null : station.name(),
                    r.orgUnitId(),
                    unit == null ? null : unit.name(),
                    r.name(),
                    r.gender(),
                    r.birthDate(),
                    Period.between(r.birthDate(), today).getYears(),
                    IdNumbers.mask(crypto.decrypt(r.idCipher())),
                    phones ? r.phone() : cn.sgz.shared.PhoneNumbers.mask(r.phone()),
                    r.address(),
                    categories,
                    r.disabilityType(),
                    r.disabilityGrade(),
                    r.subsidyStatus(),
                    r.riskLevel(),
                    r.status(),
                    r.statusDate(),
                    r.lastAssessedOn(),
                    r.note(),
                    r.version()));
        }
        return views;
    }

    private static String label(cn.sgz.shared.vocabulary.Labelled l) {
        return l == null ? "" : l.label();
    }

    private static String n(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
