package cn.sgz.charity.internal;

import cn.sgz.activity.ReceiptView;
import cn.sgz.activity.RecipientPicker;
import cn.sgz.activity.RecordForm;
import cn.sgz.activity.RecordSummaries;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.evidence.ReasonCode;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.FieldTexts;
import cn.sgz.shared.Money;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relief events (慈善救助). Each is a CHARITY_RELIEF service record (distributing goods, so receipts are
 * required by the evidence rules) plus the amount each person from the ledger received. The people are
 * kept as the record's participants too, so the record shows whom it served.
 */
@Service
public class ReliefService {

    private final CharityReliefStore reliefs;
    private final CharityFundService fundService;
    private final ServiceRecordService records;
    private final RecordSummaries summaries;
    private final ObjectProvider<RecipientPicker> pickers;
    private final CharityAccess access;
    private final ApplicationEventPublisher events;

    ReliefService(
            CharityReliefStore reliefs,
            CharityFundService fundService,
            ServiceRecordService records,
            RecordSummaries summaries,
            ObjectProvider<RecipientPicker> pickers,
            CharityAccess access,
            ApplicationEventPublisher events) {
        this.reliefs = reliefs;
        this.fundService = fundService;
        this.records = records;
        this.summaries = summaries;
        this.pickers = pickers;
        this.access = access;
        this.events = events;
    }

    public boolean canWrite() {
        return access.canWrite();
    }

    @Transactional(readOnly = true)
    public List<ReliefView> list(Long stationId, Long fundId, LocalDate from, LocalDate to) {
        if (stationId != null) {
            access.requireVisibleStation(stationId);
        }
        List<CharityReliefStore.Relief> rows = reliefs.list(access.scope(), stationId, fundId, from, to, 500);
        var states = summaries.find(
                rows.stream().map(CharityReliefStore.Relief::recordId).toList());
        Map<Long, String> names = access.stationNames();
        return rows.stream()
                .map(r -> {
                    var s = states.get(r.recordId());
                    boolean voided = s == null || s.voided();
                    List<String> why = voided ? List.of("服务记录已作废") : reasons(s.reasons());
                    return new ReliefView(
                            r.id(),
                            r.stationId(),
                            names.get(r.stationId()),
                            r.orgPath(),
                            r.fundId(),
                            r.fundName(),
                            r.recordId(),
                            s == null ? "" : s.title(),
                            r.reliefDate(),
                            r.plan(),
                            r.total(),
                            r.lineCount(),
                            s != null && s.counts(),
                            voided,
                            why,
                            List.of(),
                            r.version());
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public ReliefView get(long id) {
        CharityReliefStore.Relief r = visible(id);
        ServiceRecordView rec = records.get(r.recordId());
        Map<Long, Long> receiptByRecipient = records.receipts(r.recordId()).stream()
                .filter(x -> x.recipientId() != null)
                .collect(Collectors.toMap(ReceiptView::recipientId, ReceiptView::id, (a, b) -> a));
        List<ReliefLineView> lines = reliefs.lines(id).stream()
                .map(l -> new ReliefLineView(
                        l.id(),
                        l.recipientId(),
                        l.name(),
                        l.amount(),
                        l.goods(),
                        receiptByRecipient.get(l.recipientId())))
                .toList();
        List<String> why = rec.voided()
                ? List.of("服务记录已作废：" + rec.voidReason())
                : rec.reasons().stream()
                        .map(x -> x.label() + (x.detail() == null ? "" : "（" + x.detail() + "）"))
                        .toList();
        return new ReliefView(
                r.id(),
                r.stationId(),
                access.stationNames().get(r.stationId()),
                r.orgPath(),
                r.fundId(),
                r.fundName(),
                r.recordId(),
                rec.title(),
                rec.serviceDate(),
                r.plan(),
                r.total(),
                r.lineCount(),
                rec.counts(),
                rec.voided(),
                why,
                lines,
                r.version());
    }

    @Transactional
    public ReliefView create(ReliefForm form) {
        access.requireWriter();
        if (form == null) {
            throw BusinessException.field("plan", "救助计划：请填写救助计划");
        }
        List<FieldProblem> problems = new ArrayList<>();
        CharityFundStore.Fund fund = fundService.fundForWriting(form.fundId(), problems);
        FieldTexts.required("plan", "救助计划", form.plan(), 4000, problems);
        if (form.serviceDate() == null) {
            problems.add(new FieldProblem("serviceDate", "救助日期：请填写救助日期"));
        }
        List<Resolved> lines = new ArrayList<>();
        List<ReliefForm.Line> input = form.recipients() == null ? List.of() : form.recipients();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            Resolved line = resolve("recipients[" + i + "].", "第" + (i + 1) + "人", input.get(i), problems);
            if (line != null && !seen.add(line.recipientId())) {
                problems.add(new FieldProblem("recipients[" + i + "].recipientId", "救助对象：" + line.name() + " 在名单中重复"));
            } else if (line != null) {
                lines.add(line);
            }
        }
        FieldTexts.throwIfAny(problems);
        String title = FieldTexts.strip(form.title()) == null
                ? cut("社区慈善救助（" + fund.name() + "）", 100)
                : form.title().strip();
        ServiceRecordView rec = records.create(new RecordForm(
                fund.stationId(),
                null,
                ServiceKind.CHARITY_RELIEF,
                null,
                title,
                form.serviceDate(),
                null,
                null,
                form.place(),
                false,
                true,
                form.workers(),
                lines.size(),
                form.plan(),
                null,
                participants(lines.stream()
                        .map(l -> new Person(l.recipientId(), l.name()))
                        .toList())));
        long id = reliefs.insert(
                fund.id(),
                rec.id(),
                fund.stationId(),
                fund.orgPath(),
                rec.serviceDate(),
                form.plan().strip(),
                access.user().username());
        for (Resolved l : lines) {
            reliefs.insertLine(id, l.recipientId(), l.name(), l.amount(), l.goods());
        }
        events.publishEvent(AuditEvent.success(
                "RELIEF_CREATE", "RELIEF_EVENT", id, fund.orgPath(), "记录 #" + rec.id() + "，" + lines.size() + " 人"));
        return get(id);
    }

    /** Changes the plan or the paying fund (a fund of the same station). Date and title live on the record. */
    @Transactional
    public ReliefView update(long id, Long fundId, String plan, Long version) {
        CharityReliefStore.Relief r = writable(id);
        List<FieldProblem> problems = new ArrayList<>();
        CharityFundStore.Fund fund = fundService.fundForWriting(fundId, problems);
        if (fund != null && fund.stationId() != r.stationId()) {
            problems.add(new FieldProblem("fundId", "所属基金：只能选择本社工站的基金"));
        }
        FieldTexts.required("plan", "救助计划", plan, 4000, problems);
        FieldTexts.throwIfAny(problems);
        if (version == null || !reliefs.update(id, version, fundId, plan.strip())) {
            throw new ConflictException("保存失败：这次救助在您打开之后已被他人修改，请刷新后重新修改");
        }
        events.publishEvent(AuditEvent.success("RELIEF_UPDATE", "RELIEF_EVENT", id, r.orgPath(), null));
        return get(id);
    }

    @Transactional
    public ReliefView addRecipient(long id, ReliefForm.Line line) {
        CharityReliefStore.Relief r = writable(id);
        List<FieldProblem> problems = new ArrayList<>();
        Resolved l = resolve("", null, line, problems);
        if (l != null && reliefs.lines(id).stream().anyMatch(x -> x.recipientId() == l.recipientId())) {
            problems.add(new FieldProblem("recipientId", "救助对象：" + l.name() + " 已在本次救助名单中"));
        }
        FieldTexts.throwIfAny(problems);
        reliefs.insertLine(id, l.recipientId(), l.name(), l.amount(), l.goods());
        reliefs.touch(id);
        syncParticipants(r);
        events.publishEvent(AuditEvent.success(
                "RELIEF_RECIPIENT_ADD",
                "RELIEF_EVENT",
                id,
                r.orgPath(),
                "对象 #" + l.recipientId() + " " + l.amount().toPlainString() + " 元"));
        return get(id);
    }

    /** Takes a person off the list, and their receipt line off the record with them. */
    @Transactional
    public ReliefView removeRecipient(long id, long lineId) {
        CharityReliefStore.Relief r = writable(id);
        CharityReliefStore.Line line = reliefs.lines(id).stream()
                .filter(x -> x.id() == lineId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("救助对象"));
        records.receipts(r.recordId()).stream()
                .filter(x -> Long.valueOf(line.recipientId()).equals(x.recipientId()))
                .forEach(x -> records.removeReceipt(r.recordId(), x.id()));
        reliefs.deleteLine(id, lineId);
        reliefs.touch(id);
        syncParticipants(r);
        events.publishEvent(AuditEvent.success(
                "RELIEF_RECIPIENT_REMOVE", "RELIEF_EVENT", id, r.orgPath(), "对象 #" + line.recipientId()));
        return get(id);
    }

    /** The person signed for the money (领取单据): a receipt line on the service record. */
    @Transactional
    public ReliefView addReceipt(long id, long lineId, String phone) {
        CharityReliefStore.Relief r = writable(id);
        CharityReliefStore.Line line = reliefs.lines(id).stream()
                .filter(x -> x.id() == lineId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("救助对象"));
        if (records.receipts(r.recordId()).stream()
                .anyMatch(x -> Long.valueOf(line.recipientId()).equals(x.recipientId()))) {
            throw new ConflictException(line.name() + " 已登记领取");
        }
        String item = line.goods() == null ? "慈善救助金" : cut("慈善救助金及" + line.goods(), 100);
        records.addReceipt(
                r.recordId(), line.name(), item, line.amount().toPlainString() + "元", phone, line.recipientId());
        return get(id);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Resolved(long recipientId, String name, BigDecimal amount, String goods) {}

    private record Person(long recipientId, String name) {}

    /** Checks one line and takes the person's name from the ledger; null (with problems) when it fails. */
    private Resolved resolve(String prefix, String who, ReliefForm.Line line, List<FieldProblem> problems) {
        String label = who == null ? "救助金额" : "救助金额（" + who + "）";
        if (line == null || line.recipientId() == null) {
            problems.add(new FieldProblem(
                    prefix + "recipientId", "救助对象：请从台账中选择救助对象" + (who == null ? "" : "（" + who + "）")));
            if (line != null) {
                Money.check(prefix + "amount", label, line.amount(), problems);
            }
            return null;
        }
        RecipientPicker picker = pickers.getIfAvailable();
        String name = picker == null
                ? null
                : picker.find(line.recipientId())
                        .map(RecipientPicker.RecipientOption::name)
                        .orElse(null);
        if (name == null) {
            problems.add(new FieldProblem(prefix + "recipientId", "救助对象：所选服务对象不存在或不在您的管辖范围内"));
        } else {
            label = "救助金额（" + name + "）";
        }
        int before = problems.size();
        Money.check(prefix + "amount", label, line.amount(), problems);
        FieldTexts.optional(prefix + "goods", "随同发放的物品", line.goods(), 100, problems);
        if (name == null || problems.size() > before) {
            return null;
        }
        return new Resolved(line.recipientId(), name, Money.normalize(line.amount()), FieldTexts.strip(line.goods()));
    }

    private void syncParticipants(CharityReliefStore.Relief r) {
        ServiceRecordView rec = records.get(r.recordId());
        List<Person> people = reliefs.lines(r.id()).stream()
                .map(l -> new Person(l.recipientId(), l.name()))
                .toList();
        records.update(
                rec.id(),
                new RecordForm(
                        rec.orgUnitId(),
                        rec.projectId(),
                        rec.kind(),
                        rec.domain(),
                        rec.title(),
                        rec.serviceDate(),
                        rec.startTime(),
                        rec.endTime(),
                        rec.place(),
                        rec.indoor(),
                        rec.distributesGoods(),
                        rec.workers(),
                        people.size(),
                        rec.content(),
                        rec.outcome(),
                        participants(people)),
                rec.version());
    }

    private static List<RecordForm.ParticipantInput> participants(List<Person> people) {
        return people.stream()
                .map(p -> new RecordForm.ParticipantInput(p.recipientId(), p.name()))
                .toList();
    }

    private CharityReliefStore.Relief visible(long id) {
        CharityReliefStore.Relief r = reliefs.find(id).orElseThrow(() -> new NotFoundException("慈善救助"));
        access.requireVisible(r.orgPath(), "慈善救助");
        return r;
    }

    private CharityReliefStore.Relief writable(long id) {
        access.requireWriter();
        CharityReliefStore.Relief r = visible(id);
        var s = summaries.find(List.of(r.recordId())).get(r.recordId());
        if (s == null || s.voided()) {
            throw new ConflictException("这次救助的服务记录已作废，不能再修改");
        }
        return r;
    }

    /** Reason codes of a record as a person reads them. */
    static List<String> reasons(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String c : codes.split(",")) {
            try {
                out.add(ReasonCode.valueOf(c.strip()).label());
            } catch (IllegalArgumentException e) {
                out.add(c.strip());
            }
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
