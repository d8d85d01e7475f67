package cn.sgz.charity.internal;

import cn.sgz.activity.RecordSummaries;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.FieldTexts;
import cn.sgz.shared.Money;
import cn.sgz.shared.NotFoundException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charity funds and the money co-raised into them. Inflows are never edited or deleted: a wrong entry
 * is cancelled by a reversing entry with a reason, so the ledger keeps its whole history.
 */
@Service
public class CharityFundService {

    private final CharityFundStore funds;
    private final CharityReliefStore reliefs;
    private final RecordSummaries summaries;
    private final CharityAccess access;
    private final CharityPhotos photos;
    private final ApplicationEventPublisher events;

    CharityFundService(
            CharityFundStore funds,
            CharityReliefStore reliefs,
            RecordSummaries summaries,
            CharityAccess access,
            CharityPhotos photos,
            ApplicationEventPublisher events) {
        this.funds = funds;
        this.reliefs = reliefs;
        this.summaries = summaries;
        this.access = access;
        this.photos = photos;
        this.events = events;
    }

    public boolean canWrite() {
        return access.canWrite();
    }

    // ---- funds ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<FundView> list(Long stationId) {
        if (stationId != null) {
            access.requireVisibleStation(stationId);
        }
        return views(funds.list(access.scope(), stationId));
    }

    @Transactional(readOnly = true)
    public FundView get(long id) {
        return views(List.of(visible(id))).get(0);
    }

    @Transactional
    public FundView create(FundForm form) {
        access.requireWriter();
        OrgUnitView station = access.station(form == null ? null : form.stationId(), "stationId");
        check(form);
        long id = funds.insert(station.id(), station.path(), form, access.user().username());
        events.publishEvent(AuditEvent.success(
                "CHARITY_FUND_CREATE",
                "CHARITY_FUND",
                id,
                station.path(),
                form.kind().label() + " " + form.name().strip()));
        return get(id);
    }

    @Transactional
    public FundView update(long id, FundForm form, Long version) {
        access.requireWriter();
        CharityFundStore.Fund current = visible(id);
        check(form);
        if (version == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取基金，再带着读取到的 version 提交修改");
        }
        if (!funds.update(id, version, form)) {
            throw new ConflictException("保存失败：该基金在您打开之后已被他人修改，请刷新后重新修改");
        }
        events.publishEvent(AuditEvent.success("CHARITY_FUND_UPDATE", "CHARITY_FUND", id, current.orgPath(), null));
        return get(id);
    }

    @Transactional
    public FundView close(long id, String reason) {
        access.requireWriter();
        CharityFundStore.Fund current = visible(id);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 200) {
            throw BusinessException.field("reason", "终止原因：请填写终止原因（2～200个字）");
        }
        if (!funds.close(id, ChinaTime.today(), why)) {
            throw new ConflictException("该基金已经终止");
        }
        events.publishEvent(AuditEvent.success("CHARITY_FUND_CLOSE", "CHARITY_FUND", id, current.orgPath(), why));
        return get(id);
    }

    @Transactional
    public UploadResult addPhoto(long id, String uploadKey, String originalName, long size, InputStream content) {
        access.requireWriter();
        CharityFundStore.Fund f = visible(id);
        return photos.upload(
                CharityPhotos.FUND,
                id,
                f.orgPath(),
                f.stationId(),
                PhotoPurpose.SCENE,
                "协议照片",
                uploadKey,
                originalName,
                size,
                content);
    }

    @Transactional(readOnly = true)
    public List<PhotoView> photos(long id) {
        visible(id);
        return photos.of(CharityPhotos.FUND, id);
    }

    // ---- co-raised money ---------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<CoRaisedView> entries(Long stationId, Long fundId, LocalDate from, LocalDate to) {
        if (stationId != null) {
            access.requireVisibleStation(stationId);
        }
        if (fundId != null) {
            visible(fundId);
        }
        return funds.entries(access.scope(), stationId, fundId, from, to, 500);
    }

    @Transactional(readOnly = true)
    public CoRaisedView entry(long id) {
        CoRaisedView e = funds.findEntry(id).orElseThrow(() -> new NotFoundException("共募资金记录"));
        access.requireVisible(e.orgPath(), "共募资金记录");
        return e;
    }

    @Transactional
    public CoRaisedView recordEntry(CoRaisedForm form) {
        access.requireWriter();
        List<FieldProblem> problems = new ArrayList<>();
        CharityFundStore.Fund fund = fundForWriting(form == null ? null : form.fundId(), problems);
        if (form == null) {
            throw BusinessException.field("amount", "共募金额：请填写金额（元）");
        }
        LocalDate today = ChinaTime.today();
        if (form.receivedOn() == null) {
            problems.add(new FieldProblem("receivedOn", "到账日期：请填写到账日期"));
        } else if (form.receivedOn().isAfter(today)) {
            problems.add(new FieldProblem("receivedOn", "到账日期：不能晚于今天"));
        } else if (fund != null && form.receivedOn().isBefore(fund.establishedOn())) {
            problems.add(new FieldProblem("receivedOn", "到账日期：不能早于基金设立日期 " + fund.establishedOn()));
        }
        Money.check("amount", "共募金额", form.amount(), problems);
        FieldTexts.required("donor", "资金来源（捐赠方）", form.donor(), 100, problems);
        FieldTexts.optional("partnerOrg", "合作慈善组织", form.partnerOrg(), 100, problems);
        FieldTexts.optional("note", "备注", form.note(), 500, problems);
        FieldTexts.throwIfAny(problems);
        String partner = FieldTexts.strip(form.partnerOrg()) == null
                ? fund.partnerOrg()
                : form.partnerOrg().strip();
        long id = funds.insertEntry(
                fund,
                form.receivedOn(),
                Money.normalize(form.amount()),
                form.donor().strip(),
                partner,
                form.note(),
                null,
                null,
                access.user().username(),
                access.user().displayName());
        events.publishEvent(AuditEvent.success(
                "CO_RAISED_ADD",
                "CO_RAISED_ENTRY",
                id,
                fund.orgPath(),
                "基金 #" + fund.id() + " 共募 " + Money.normalize(form.amount()).toPlainString() + " 元"));
        return entry(id);
    }

    /** Cancels an inflow with a reversing entry dated today; the inflow itself stays on the ledger. */
    @Transactional
    public CoRaisedView reverse(long entryId, String reason) {
        access.requireWriter();
        CoRaisedView original = entry(entryId);
        if (original.reversal()) {
            throw new ConflictException("冲正记录不能再冲正；如需更正，请重新登记一笔共募资金");
        }
        if (original.reversed()) {
            throw new ConflictException("该笔共募资金已冲正（冲正记录 #" + original.reversedById() + "）");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 200) {
            throw BusinessException.field("reason", "冲正原因：请填写冲正原因（2～200个字）");
        }
        CharityFundStore.Fund fund = funds.find(original.fundId()).orElseThrow();
        long id;
        try {
            id = funds.insertEntry(
                    fund,
                    ChinaTime.today(),
                    original.amount().negate(),
                    original.donor(),
                    original.partnerOrg(),
                    "冲正 #" + entryId,
                    entryId,
                    why,
                    access.user().username(),
                    access.user().displayName());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("该笔共募资金已被他人冲正，请刷新查看");
        }
        events.publishEvent(AuditEvent.success(
                "CO_RAISED_REVERSE",
                "CO_RAISED_ENTRY",
                entryId,
                fund.orgPath(),
                "冲正 " + original.amount().toPlainString() + " 元：" + why));
        return entry(id);
    }

    @Transactional
    public UploadResult addEntryPhoto(
            long entryId, String uploadKey, String originalName, long size, InputStream content) {
        access.requireWriter();
        CoRaisedView e = entry(entryId);
        return photos.upload(
                CharityPhotos.CO_RAISED,
                entryId,
                e.orgPath(),
                e.stationId(),
                PhotoPurpose.RECEIPT,
                "票据照片",
                uploadKey,
                originalName,
                size,
                content);
    }

    @Transactional(readOnly = true)
    public List<PhotoView> entryPhotos(long entryId) {
        entry(entryId);
        return photos.of(CharityPhotos.CO_RAISED, entryId);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private CharityFundStore.Fund visible(long id) {
        CharityFundStore.Fund f = funds.find(id).orElseThrow(() -> new NotFoundException("慈善基金"));
        access.requireVisible(f.orgPath(), "慈善基金");
        return f;
    }

    /** The fund a form names, visible and still active; problems are added under {@code fundId}. */
    CharityFundStore.Fund fundForWriting(Long fundId, List<FieldProblem> problems) {
        if (fundId == null) {
            problems.add(new FieldProblem("fundId", "所属基金：请选择慈善基金"));
            return null;
        }
        CharityFundStore.Fund f = funds.find(fundId)
                .filter(x -> access.scope().covers(x.orgPath()))
                .orElse(null);
        if (f == null) {
            problems.add(new FieldProblem("fundId", "所属基金：所选基金不存在或不在您的管辖范围内"));
        } else if (f.status() != FundStatus.ACTIVE) {
            problems.add(new FieldProblem("fundId", "所属基金：该基金已终止，不能再登记收支"));
        }
        return f;
    }

    private static void check(FundForm f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f == null) {
            throw BusinessException.field("name", "基金名称：请填写基金名称");
        }
        FieldTexts.required("name", "基金名称", f.name(), 100, problems);
        if (f.kind() == null) {
            problems.add(new FieldProblem("kind", "基金类型：请选择社区慈善救助基金或社区服务专项基金"));
        }
        FieldTexts.required("partnerOrg", "合作慈善组织", f.partnerOrg(), 100, problems);
        if (f.establishedOn() == null) {
            problems.add(new FieldProblem("establishedOn", "设立日期：请填写设立日期"));
        } else if (f.establishedOn().isAfter(ChinaTime.today())) {
            problems.add(new FieldProblem("establishedOn", "设立日期：不能晚于今天"));
        }
        FieldTexts.optional("note", "共募共用共享机制说明", f.note(), 1000, problems);
        FieldTexts.throwIfAny(problems);
    }

    private List<FundView> views(List<CharityFundStore.Fund> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(CharityFundStore.Fund::id).toList();
        Map<Long, BigDecimal> raised = funds.coRaisedByFund(ids);
        Map<Long, BigDecimal> paid = reliefPaid(ids);
        Map<Long, String> names = access.stationNames();
        return rows.stream()
                .map(f -> {
                    BigDecimal in = raised.getOrDefault(f.id(), BigDecimal.ZERO).setScale(2);
                    BigDecimal out = paid.getOrDefault(f.id(), BigDecimal.ZERO).setScale(2);
                    return new FundView(
                            f.id(),
                            f.stationId(),
                            names.get(f.stationId()),
                            f.orgPath(),
                            f.name(),
                            f.kind(),
                            f.partnerOrg(),
                            f.establishedOn(),
                            f.status(),
                            f.closedOn(),
                            f.closeReason(),
                            f.note(),
                            in,
                            out,
                            in.subtract(out),
                            f.createdBy(),
                            f.createdAt(),
                            f.version());
                })
                .toList();
    }

    /** What relief events paid from each fund; a relief whose record was voided paid nothing. */
    private Map<Long, BigDecimal> reliefPaid(Collection<Long> fundIds) {
        List<CharityReliefStore.Relief> rows = reliefs.ofFunds(fundIds);
        var states = summaries.find(
                rows.stream().map(CharityReliefStore.Relief::recordId).toList());
        Map<Long, BigDecimal> paid = new HashMap<>();
        for (CharityReliefStore.Relief r : rows) {
            var s = states.get(r.recordId());
            if (s != null && !s.voided()) {
                paid.merge(r.fundId(), r.total(), BigDecimal::add);
            }
        }
        return paid;
    }
}
