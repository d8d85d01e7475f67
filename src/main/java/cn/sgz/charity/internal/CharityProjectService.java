package cn.sgz.charity.internal;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.RecordSummaries;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
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
import cn.sgz.shared.vocabulary.ServiceKind;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charity projects (慈善项目) and their promotion events (推介活动). A promotion is a CHARITY_PROMOTION
 * service record, made here or linked from the records a worker already keeps.
 */
@Service
public class CharityProjectService {

    private final CharityProjectStore projects;
    private final CharityFundStore funds;
    private final ServiceRecordService records;
    private final RecordSummaries summaries;
    private final CharityAccess access;
    private final CharityPhotos photos;
    private final ApplicationEventPublisher events;

    CharityProjectService(
            CharityProjectStore projects,
            CharityFundStore funds,
            ServiceRecordService records,
            RecordSummaries summaries,
            CharityAccess access,
            CharityPhotos photos,
            ApplicationEventPublisher events) {
        this.projects = projects;
        this.funds = funds;
        this.records = records;
        this.summaries = summaries;
        this.access = access;
        this.photos = photos;
        this.events = events;
    }

    public boolean canWrite() {
        return access.canWrite();
    }

    @Transactional(readOnly = true)
    public List<CharityProjectView> list(Long stationId) {
        if (stationId != null) {
            access.requireVisibleStation(stationId);
        }
        Map<Long, String> names = access.stationNames();
        return projects.list(access.scope(), stationId).stream()
                .map(p -> view(p, names, List.of()))
                .toList();
    }

    @Transactional(readOnly = true)
    public CharityProjectView get(long id) {
        CharityProjectStore.Project p = visible(id);
        List<CharityProjectStore.Promotion> rows = projects.promotions(id);
        var states = summaries.find(
                rows.stream().map(CharityProjectStore.Promotion::recordId).toList());
        List<PromotionView> promos = rows.stream()
                .map(m -> {
                    var s = states.get(m.recordId());
                    boolean voided = s == null || s.voided();
                    String why = voided ? "服务记录已作废" : String.join("；", ReliefService.reasons(s.reasons()));
                    return new PromotionView(
                            m.id(),
                            id,
                            m.recordId(),
                            s == null ? "" : s.title(),
                            m.promotedOn(),
                            s == null ? 0 : Math.max(s.participantCount(), s.signInCount()),
                            s != null && s.counts(),
                            voided,
                            why);
                })
                .toList();
        return view(p, access.stationNames(), promos);
    }

    @Transactional
    public CharityProjectView create(CharityProjectForm form) {
        access.requireWriter();
        OrgUnitView station = access.station(form == null ? null : form.stationId(), "stationId");
        CharityProjectStatus status = check(form, station.id());
        long id = projects.insert(
                station.id(), station.path(), form, status, access.user().username());
        events.publishEvent(AuditEvent.success(
                "CHARITY_PROJECT_CREATE",
                "CHARITY_PROJECT",
                id,
                station.path(),
                form.name().strip()));
        return get(id);
    }

    @Transactional
    public CharityProjectView update(long id, CharityProjectForm form, Long version) {
        access.requireWriter();
        CharityProjectStore.Project current = visible(id);
        CharityProjectStatus status = check(form, current.stationId());
        if (version == null || !projects.update(id, version, form, status)) {
            throw new ConflictException("保存失败：该慈善项目在您打开之后已被他人修改，请刷新后重新修改");
        }
        events.publishEvent(
                AuditEvent.success("CHARITY_PROJECT_UPDATE", "CHARITY_PROJECT", id, current.orgPath(), status.label()));
        return get(id);
    }

    /** Adds a promotion event: links an existing CHARITY_PROMOTION record, or creates one from the form. */
    @Transactional
    public CharityProjectView addPromotion(long projectId, PromotionForm form) {
        access.requireWriter();
        CharityProjectStore.Project p = visible(projectId);
        if (p.status() == CharityProjectStatus.CANCELLED) {
            throw new ConflictException("该慈善项目已终止，不能再添加推介活动");
        }
        if (form == null) {
            throw BusinessException.field("serviceDate", "推介日期：请填写推介日期");
        }
        ServiceRecordView rec = form.recordId() != null
                ? linkable(p, form.recordId())
                : records.create(new RecordForm(
                        p.stationId(),
                        null,
                        ServiceKind.CHARITY_PROMOTION,
                        null,
                        FieldTexts.strip(form.title()) == null
                                ? cut("慈善项目推介：" + p.name())
                                : form.title().strip(),
                        form.serviceDate(),
                        null,
                        null,
                        form.place(),
                        form.indoor() == null || form.indoor(),
                        false,
                        form.workers(),
                        form.participantCount(),
                        form.content(),
                        null,
                        List.of()));
        projects.insertPromotion(p, rec.id(), rec.serviceDate(), access.user().username());
        events.publishEvent(AuditEvent.success(
                "CHARITY_PROMOTION_ADD", "CHARITY_PROJECT", projectId, p.orgPath(), "记录 #" + rec.id()));
        return get(projectId);
    }

    @Transactional
    public UploadResult addPhoto(long id, String uploadKey, String originalName, long size, InputStream content) {
        access.requireWriter();
        CharityProjectStore.Project p = visible(id);
        return photos.upload(
                CharityPhotos.PROJECT,
                id,
                p.orgPath(),
                p.stationId(),
                PhotoPurpose.SCENE,
                "项目照片",
                uploadKey,
                originalName,
                size,
                content);
    }

    @Transactional(readOnly = true)
    public List<PhotoView> photos(long id) {
        visible(id);
        return photos.of(CharityPhotos.PROJECT, id);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private ServiceRecordView linkable(CharityProjectStore.Project p, long recordId) {
        ServiceRecordView rec;
        try {
            rec = records.get(recordId);
        } catch (NotFoundException e) {
            throw BusinessException.field("recordId", "服务记录：记录 #" + recordId + " 不存在或不在您的管辖范围内");
        }
        if (rec.kind() != ServiceKind.CHARITY_PROMOTION) {
            throw BusinessException.field("recordId", "服务记录：只能关联“慈善项目推介”类型的服务记录");
        }
        if (rec.stationId() != p.stationId()) {
            throw BusinessException.field("recordId", "服务记录：只能关联本社工站的服务记录");
        }
        if (rec.voided()) {
            throw BusinessException.field("recordId", "服务记录：该记录已作废");
        }
        if (projects.recordLinked(recordId)) {
            throw BusinessException.field("recordId", "服务记录：该记录已是某个慈善项目的推介活动");
        }
        return rec;
    }

    private CharityProjectStatus check(CharityProjectForm f, long stationId) {
        if (f == null) {
            throw BusinessException.field("name", "项目名称：请填写项目名称");
        }
        List<FieldProblem> problems = new ArrayList<>();
        FieldTexts.required("name", "项目名称", f.name(), 100, problems);
        FieldTexts.required("goal", "项目目标", f.goal(), 1000, problems);
        FieldTexts.required("content", "项目内容", f.content(), 4000, problems);
        Money.checkOptional("budget", "项目预算", f.budget(), problems);
        if (f.startDate() == null) {
            problems.add(new FieldProblem("startDate", "开始日期：请填写项目开始日期"));
        } else if (f.endDate() != null && f.endDate().isBefore(f.startDate())) {
            problems.add(new FieldProblem("endDate", "结束日期：不能早于开始日期"));
        }
        if (f.fundId() != null) {
            CharityFundStore.Fund fund = funds.find(f.fundId())
                    .filter(x -> access.scope().covers(x.orgPath()))
                    .orElse(null);
            if (fund == null || fund.stationId() != stationId) {
                problems.add(new FieldProblem("fundId", "资金来源基金：只能选择本社工站的慈善基金"));
            }
        }
        FieldTexts.throwIfAny(problems);
        if (f.status() != null) {
            return f.status();
        }
        return f.startDate().isAfter(ChinaTime.today()) ? CharityProjectStatus.PLANNED : CharityProjectStatus.ONGOING;
    }

    private CharityProjectStore.Project visible(long id) {
        CharityProjectStore.Project p = projects.find(id).orElseThrow(() -> new NotFoundException("慈善项目"));
        access.requireVisible(p.orgPath(), "慈善项目");
        return p;
    }

    private static CharityProjectView view(
            CharityProjectStore.Project p, Map<Long, String> names, List<PromotionView> promos) {
        return new CharityProjectView(
                p.id(),
                p.stationId(),
                names.get(p.stationId()),
                p.orgPath(),
                p.fundId(),
                p.fundName(),
                p.name(),
                p.goal(),
                p.content(),
                p.budget(),
                p.startDate(),
                p.endDate(),
                p.status(),
                p.promotionCount(),
                promos,
                p.createdBy(),
                p.createdAt(),
                p.version());
    }

    private static String cut(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100);
    }
}
