package cn.sgz.casework.internal;

import cn.sgz.activity.RecipientPicker;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.casework.internal.CaseworkInputs.NewCase;
import cn.sgz.casework.internal.CaseworkInputs.NewSession;
import cn.sgz.casework.internal.CaseworkInputs.PhotoFile;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases (个案) through 接案、预估、协议、计划、介入、评估: opening a case with its 接案记录表, the forms in
 * their order, the agreement's signature, and sessions recorded as service records. Closure, reopening
 * and referrals are in {@link CaseDecisions}.
 */
@Service
public class CaseService {

    public static final String OWNER = "CASE";
    /** Owner type of the signed agreement pages and on-screen signatures in the evidence module. */
    public static final String AGREEMENT_OWNER = "CASE_AGREEMENT";

    private final CaseStore cases;
    private final FormStore forms;
    private final SessionStore sessions;
    private final ReferralStore referrals;
    private final LogStore log;
    private final ExemplaryStore exemplary;
    private final FormCodec codec;
    private final SessionRecords sessionRecords;
    private final CaseworkAccess access;
    private final ProjectLookup projects;
    private final EvidenceService evidence;
    private final ObjectProvider<RecipientPicker> pickers;
    private final ApplicationEventPublisher events;

    CaseService(
            CaseStore cases,
            FormStore forms,
            SessionStore sessions,
            ReferralStore referrals,
            LogStore log,
            ExemplaryStore exemplary,
            FormCodec codec,
            SessionRecords sessionRecords,
            CaseworkAccess access,
            ProjectLookup projects,
            EvidenceService evidence,
            ObjectProvider<RecipientPicker> pickers,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.forms = forms;
        this.sessions = sessions;
        this.referrals = referrals;
        this.log = log;
        this.exemplary = exemplary;
        this.codec = codec;
        this.sessionRecords = sessionRecords;
        this.access = access;
        this.projects = projects;
        this.evidence = evidence;
        this.pickers = pickers;
        this.events = events;
    }

    public boolean canWrite() {
        return access.canWrite();
    }

    @Transactional
    public CaseView create(NewCase in) {
        access.requireWriter();
        OrgUnitView station = access.station(in.stationId());
        if (in.recipientId() == null) {
            throw BusinessException.field("recipientId", "请从服务对象台账中选择案主");
        }
        RecipientPicker.RecipientOption client = pickers.getIfAvailable() == null
                ? null
                : pickers.getObject().find(in.recipientId()).orElse(null);
        if (client == null) {
            throw BusinessException.field("recipientId", "所选服务对象不存在或不在您的管辖范围内");
        }
        if (in.domain() == null || in.domain() == LedgerDomain.ALL) {
            throw BusinessException.field("domain", "请选择个案所属的服务领域（社会救助对象、困难老人、困境儿童、残疾人或其他困境群体）");
        }
        String title = in.title() == null || in.title().isBlank()
                ? client.name() + "个案"
                : in.title().strip();
        if (title.length() > 100) {
            throw BusinessException.field("title", "个案名称不能超过100个字");
        }
        Map<String, String> intake = codec.validate(FormType.INTAKE, in.intake());
        LocalDate opened = LocalDate.parse(intake.get("intakeDate"));
        cn.sgz.activity.ProjectTie tie = projects.tieFor(station.id(), opened);
        Long projectId = tie.projectId();
        var me = access.me();
        long id = cases.insert(new CaseStore.NewRow(
                station.id(),
                station.path(),
                projectId,
                client.id(),
                client.name(),
                client.hint(),
                in.domain(),
                title,
                me.id(),
                me.displayName(),
                opened));
        projects.recordHow("cw_case", id, tie);
        forms.save(OWNER, id, FormType.INTAKE, 0, station.id(), station.path(), intake, me.username());
        log.add(OWNER, id, me.username(), "OPEN", "接案：" + title);
        events.publishEvent(AuditEvent.success("CASE_CREATE", OWNER, id, station.path(), title));
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<CaseView> list(Long stationId, CaseStage stage, boolean mine) {
        return named(
                cases.list(access.scope(), stationId, stage, mine ? access.me().id() : null, 500));
    }

    @Transactional(readOnly = true)
    public CaseView get(long id) {
        CaseView c = cases.find(id).orElseThrow(() -> new NotFoundException("个案"));
        access.requireVisible(c.orgPath(), "个案");
        return named(List.of(c)).get(0);
    }

    @Transactional(readOnly = true)
    public CaseDetail detail(long id) {
        CaseView c = get(id);
        boolean approver = access.is(cn.sgz.org.Role.STATION_HEAD);
        return new CaseDetail(
                c,
                forms.of(OWNER, id),
                sessionViews(c),
                referrals.of(id),
                log.of(OWNER, id),
                evidence.photosOf(AGREEMENT_OWNER, id),
                exemplary.live(OWNER, id),
                access.canWrite(),
                approver);
    }

    /** Saves one form of the file, in the order of the service flow; saving the 结案表 submits the closure. */
    @Transactional
    public FormView saveForm(long id, FormType type, Map<String, String> values) {
        access.requireWriter();
        CaseView c = get(id);
        if (type == null || !type.belongsTo(OWNER) || type.sessionForm()) {
            throw BusinessException.field("formType", "个案没有这个表单；过程记录表请通过“记录一次服务”填写");
        }
        requireNotFrozen(c);
        String missing = switch (type) {
            case AGREEMENT -> c.stage().atLeast(CaseStage.ASSESSED) ? null : "请先完成预估表，再签订服务协议";
            case PLAN ->
                c.stage().atLeast(CaseStage.AGREED)
                        ? null
                        : c.stage().atLeast(CaseStage.ASSESSED) ? "服务协议：请上传签字页或现场签名后，再制定工作计划" : "请先完成预估表和服务协议，再制定工作计划";
            case EVALUATION -> c.stage().atLeast(CaseStage.INTERVENING) ? null : "尚未记录任何服务过程（过程记录表），不能填写评估表";
            case CLOSURE -> c.stage().atLeast(CaseStage.EVALUATED) ? null : "尚未完成评估表，不能结案";
            default -> null;
        };
        if (missing != null) {
            throw new BusinessException(
                    "STAGE", missing, List.of(new BusinessException.FieldProblem("formType", missing)));
        }
        Map<String, String> clean = codec.validate(type, values);
        var me = access.me();
        forms.save(
                OWNER,
                id,
                type,
                0,
                c.stationId(),
                c.orgPath(),
                clean,
                me.username(),
                FormStore.expectedVersion(values));
        CaseStage reached = switch (type) {
            case ASSESSMENT -> CaseStage.ASSESSED;
            case AGREEMENT -> signed(id) ? CaseStage.AGREED : null;
            case PLAN -> CaseStage.PLANNED;
            case EVALUATION -> CaseStage.EVALUATED;
            default -> null;
        };
        if (type == FormType.CLOSURE) {
            cases.submitClosure(id, me.username());
            log.add(OWNER, id, me.username(), "CLOSURE_SUBMIT", "结案原因：" + clean.get("reason"));
        } else {
            advance(c, reached);
            log.add(OWNER, id, me.username(), "FORM", type.documentName());
        }
        events.publishEvent(AuditEvent.success("CASE_FORM_SAVE", OWNER, id, c.orgPath(), type.documentName()));
        return forms.find(OWNER, id, type, 0).orElseThrow();
    }

    /**
     * The agreement's signature: a photo of the signed page, or the on-screen signature as a PNG. With
     * the 服务协议 form saved, the first signature completes the agreement.
     */
    @Transactional
    public PhotoView addAgreementSignature(long id, PhotoFile file, boolean onScreen) {
        access.requireWriter();
        CaseView c = get(id);
        requireNotFrozen(c);
        if (!c.stage().atLeast(CaseStage.ASSESSED)) {
            throw new BusinessException("STAGE", "请先完成预估表，再签订服务协议");
        }
        if (file == null || file.size() == 0) {
            throw BusinessException.field("file", "服务协议：请上传签字页照片或在屏幕上签名");
        }
        UploadResult r = evidence.upload(new PhotoUpload(
                AGREEMENT_OWNER,
                id,
                c.orgPath(),
                PhotoPurpose.SIGN_IN_SHEET,
                PhotoSource.GALLERY,
                null,
                file.name() == null ? (onScreen ? "signature.png" : "agreement.jpg") : file.name(),
                file.size(),
                file.content(),
                null,
                c.stationName(),
                null));
        if (forms.find(OWNER, id, FormType.AGREEMENT, 0).isPresent()) {
            advance(c, CaseStage.AGREED);
        }
        log.add(OWNER, id, access.me().username(), "FORM", onScreen ? "服务协议：现场签名" : "服务协议：上传签字页");
        events.publishEvent(AuditEvent.success(
                "CASE_AGREEMENT_SIGN",
                OWNER,
                id,
                c.orgPath(),
                (onScreen ? "现场签名" : "签字页") + " 照片#" + r.photo().id()));
        return r.photo();
    }

    /** Records one session (过程记录表) as a CASE_SESSION service record of the client. */
    @Transactional
    public SessionView addSession(long id, NewSession in, PhotoFile photo) {
        access.requireWriter();
        CaseView c = get(id);
        if (c.stage().frozen()) {
            throw new ConflictException("个案已提交结案或已结案，不能再记录服务过程；如需继续服务，请先重新开案");
        }
        if (!c.stage().atLeast(CaseStage.PLANNED)) {
            throw new BusinessException("STAGE", "请先完成工作计划表，再记录服务过程");
        }
        Map<String, String> fields = codec.validate(FormType.CASE_PROCESS, in.fields());
        int n = c.sessions() + 1;
        var me = access.me();
        ServiceRecordView r = sessionRecords.create(
                new SessionRecords.Target(
                        c.stationId(),
                        c.projectId(),
                        ServiceKind.CASE_SESSION,
                        c.domain(),
                        "个案服务：" + c.title() + " 第" + n + "次",
                        false,
                        c.recipientId(),
                        c.clientName()),
                in,
                fields,
                me.displayName(),
                photo);
        Map<String, String> stored = new java.util.LinkedHashMap<>(fields);
        putIfPresent(stored, "startTime", in.startTime());
        putIfPresent(stored, "endTime", in.endTime());
        putIfPresent(stored, "place", in.place());
        long sid = sessions.insert(
                OWNER,
                id,
                r.id(),
                null,
                c.stationId(),
                c.orgPath(),
                r.serviceDate(),
                codec.write(stored),
                me.username());
        advance(c, CaseStage.INTERVENING);
        log.add(OWNER, id, me.username(), "SESSION", "第" + n + "次服务，记录 #" + r.id());
        events.publishEvent(AuditEvent.success("CASE_SESSION_ADD", OWNER, id, c.orgPath(), "服务记录#" + r.id()));
        return sessionViews(get(id)).stream()
                .filter(s -> s.id() == sid)
                .findFirst()
                .orElseThrow();
    }

    List<SessionView> sessionViews(CaseView c) {
        return sessionRecords.views(sessions.of(OWNER, c.id()), 0, codec);
    }

    private boolean signed(long id) {
        return evidence.photosOf(AGREEMENT_OWNER, id).stream().anyMatch(p -> !p.removed());
    }

    private void advance(CaseView c, CaseStage reached) {
        if (reached != null && !c.stage().atLeast(reached)) {
            cases.setStage(c.id(), reached);
        }
    }

    static void requireNotFrozen(CaseView c) {
        if (c.stage().frozen()) {
            throw new ConflictException(
                    c.stage() == CaseStage.CLOSING ? "结案申请正在等待站长审批，表单不能修改；如需修改，请站长退回" : "个案已结案，表单不能修改；如需继续服务，请先重新开案");
        }
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v.strip());
        }
    }

    public List<CaseView> named(List<CaseView> rows) {
        Map<Long, String> names =
                access.stationNames(rows.stream().map(CaseView::stationId).collect(Collectors.toSet()));
        return rows.stream()
                .map(c -> c.withStationName(names.getOrDefault(c.stationId(), "")))
                .toList();
    }
}
