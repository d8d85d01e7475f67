package cn.sgz.activity;

import cn.sgz.activity.internal.RecordStore;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.EvidenceFacts;
import cn.sgz.evidence.EvidencePolicies;
import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.Qualification;
import cn.sgz.evidence.QualificationRules;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import cn.sgz.shared.vocabulary.ServiceField;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service records: written and read inside the caller's scope, edited with optimistic locking,
 * voided (never deleted) with a reason, and qualified from their evidence whenever it changes.
 */
@Service
public class ServiceRecordService {

    /** Owner type under which this module's photos are filed in the evidence module. */
    public static final String OWNER_TYPE = "SERVICE_RECORD";

    private final RecordStore store;
    private final ScopeService scopes;
    private final OrgDirectory directory;
    private final EvidenceService evidence;
    private final EvidencePolicies policies;
    private final ObjectProvider<RecipientPicker> pickers;
    private final ApplicationEventPublisher events;

    ServiceRecordService(
            RecordStore store,
            ScopeService scopes,
            OrgDirectory directory,
            EvidenceService evidence,
            EvidencePolicies policies,
            ObjectProvider<RecipientPicker> pickers,
            ApplicationEventPublisher events,
            ProjectQueries projects) {
        this.projects = projects;
        this.store = store;
        this.scopes = scopes;
        this.directory = directory;
        this.evidence = evidence;
        this.policies = policies;
        this.pickers = pickers;
        this.events = events;
    }

    /** A record with everything its page shows. */
    private final ProjectQueries projects;

    public record RecordDetail(
            ServiceRecordView record,
            List<PhotoView> photos,
            List<SignInEntryView> signIns,
            List<ReceiptView> receipts,
            List<PhotoView> reusedBy,
            EvidencePolicy policy) {}

    public boolean canWrite() {
        return scopes.currentUser().role().doesStationWork();
    }

    @Transactional(readOnly = true)
    public List<ServiceRecordView> list(RecordFilter filter) {
        CurrentUser me = scopes.currentUser();
        return named(store.list(scopes.current(), filter, me.id()));
    }

    /** Totals of the whole filtered list (not one page of it), in one grouped query. */
    @Transactional(readOnly = true)
    public RecordTotals totals(RecordFilter filter) {
        CurrentUser me = scopes.currentUser();
        return store.totals(scopes.current(), filter, me.id());
    }

    @Transactional(readOnly = true)
    public ServiceRecordView get(long id) {
        return named(List.of(visible(id))).get(0);
    }

    @Transactional(readOnly = true)
    public RecordDetail detail(long id) {
        ServiceRecordView r = get(id);
        return new RecordDetail(
                r,
                evidence.photosOf(OWNER_TYPE, id),
                maskedSignIns(id),
                maskedReceipts(id),
                evidence.reusesOf(OWNER_TYPE, id),
                policies.forProject(r.projectId()));
    }

    /**
     * Phones on sign-in sheets and receipts are shown in full to those who record the work and to the
     * county bureau; the evaluator and the city office see them masked (they check that a sheet exists
     * and is plausible, not whom to call).
     */
    private boolean readsPhones() {
        var role = scopes.currentUser().role();
        return role.doesStationWork() || role == cn.sgz.org.Role.BUREAU_OFFICER;
    }

    private List<SignInEntryView> maskedSignIns(long id) {
        List<SignInEntryView> rows = store.signIns(id);
        return readsPhones()
                ? rows
                : rows.stream()
                        .map(e -> new SignInEntryView(
                                e.id(),
                                e.recordId(),
                                e.name(),
                                PhoneNumbers.mask(e.phone()),
                                e.recipientId(),
                                e.createdAt(),
                                e.source(),
                                e.proxy()))
                        .toList();
    }

    private List<ReceiptView> maskedReceipts(long id) {
        List<ReceiptView> rows = store.receipts(id);
        return readsPhones()
                ? rows
                : rows.stream()
                        .map(e -> new ReceiptView(
                                e.id(),
                                e.recordId(),
                                e.name(),
                                e.item(),
                                e.quantity(),
                                PhoneNumbers.mask(e.phone()),
                                e.recipientId(),
                                e.createdAt()))
                        .toList();
    }

    @Transactional
    public ServiceRecordView create(RecordForm form) {
        requireWriter();
        RecordStore.Row row = resolve(form);
        CurrentUser me = scopes.currentUser();
        long id = store.insert(row, me.id(), me.displayName());
        store.replaceParticipants(id, participants(form));
        recompute(id);
        events.publishEvent(AuditEvent.success(
                "RECORD_CREATE", "SERVICE_RECORD", id, row.orgPath(), row.kind().label() + " " + form.serviceDate()));
        return get(id);
    }

    @Transactional
    public ServiceRecordView update(long id, RecordForm form, Long expectedVersion) {
        requireWriter();
        ServiceRecordView current = visible(id);
        if (current.voided()) {
            throw new ConflictException("该记录已作废，不能再修改");
        }
        if (expectedVersion == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取记录，再带着读取到的 version 提交修改");
        }
        RecordStore.Row row = resolve(form);
        if (!store.update(id, expectedVersion, row)) {
            throw new ConflictException("保存失败：这条记录在您打开之后已被他人修改（当前版本 " + current.version() + "，您提交的版本 " + expectedVersion
                    + "）。您的修改没有保存，请刷新页面查看最新内容后重新修改。");
        }
        store.replaceParticipants(id, participants(form));
        recompute(id);
        events.publishEvent(AuditEvent.success("RECORD_UPDATE", "SERVICE_RECORD", id, row.orgPath(), null));
        events.publishEvent(new ServiceRecordChanged(id, row.stationId(), form.serviceDate(), false));
        return get(id);
    }

    @Transactional
    public ServiceRecordView voidRecord(long id, String reason, Long expectedVersion) {
        requireWriter();
        ServiceRecordView current = visible(id);
        if (current.voided()) {
            throw new ConflictException("该记录已经作废");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 200) {
            throw BusinessException.field("reason", "请填写作废原因（2～200个字）");
        }
        if (!store.markVoided(id, expectedVersion, why, scopes.currentUser().username())) {
            throw new ConflictException("作废失败：这条记录已被他人修改，请刷新后重试");
        }
        evidence.releaseOwner(OWNER_TYPE, id, "记录已作废：" + why);
        recompute(id);
        events.publishEvent(AuditEvent.success("RECORD_VOID", "SERVICE_RECORD", id, current.orgPath(), why));
        events.publishEvent(new ServiceRecordChanged(id, current.stationId(), current.serviceDate(), true));
        return get(id);
    }

    // ---- 已录入全国平台: the record was also entered in a national platform -------------------------------

    /**
     * Marks a record as entered in the national platform (已录入全国平台) on a date, with the platform's number for it
     * (optional), or — with {@code entered} false — as not entered. Indicators that require the entry (a catalog's
     * {@code platform} parameter) count the record only when it is marked. The date cannot be before the service
     * or after today. Stale version: 409, nothing changed. Audited.
     */
    @Transactional
    public ServiceRecordView markPlatformEntry(
            long id, boolean entered, LocalDate enteredOn, String reference, Long expectedVersion) {
        ServiceRecordView current = writable(id);
        if (expectedVersion == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取记录，再带着读取到的 version 提交");
        }
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (entered) {
            List<BusinessException.FieldProblem> problems = new ArrayList<>();
            if (enteredOn == null) {
                problems.add(new BusinessException.FieldProblem("enteredOn", "请填写录入全国平台的日期"));
            } else if (enteredOn.isBefore(current.serviceDate())) {
                problems.add(
                        new BusinessException.FieldProblem("enteredOn", "录入日期不能早于服务日期（" + current.serviceDate() + "）"));
            } else if (enteredOn.isAfter(ChinaTime.today())) {
                problems.add(new BusinessException.FieldProblem("enteredOn", "录入日期不能晚于今天"));
            }
            if (ref != null && (ref.length() > 64 || !ref.matches("[\\p{L}\\p{N}_\\-./#]+"))) {
                problems.add(new BusinessException.FieldProblem("reference", "平台编号最多64位，只能包含文字、数字和 _ - . / #"));
            }
            if (!problems.isEmpty()) {
                throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
            }
        } else {
            enteredOn = null;
            ref = null;
        }
        if (!store.markPlatformEntry(id, expectedVersion, enteredOn, ref)) {
            throw new ConflictException(
                    "保存失败：这条记录在您打开之后已被他人修改（当前版本 " + current.version() + "，您提交的版本 " + expectedVersion + "）。请刷新页面后重试。");
        }
        events.publishEvent(AuditEvent.success(
                entered ? "RECORD_PLATFORM_ENTERED" : "RECORD_PLATFORM_CLEARED",
                "SERVICE_RECORD",
                id,
                current.orgPath(),
                entered ? "已录入全国平台 " + enteredOn + (ref == null ? "" : " 编号 " + ref) : "改为未录入全国平台"));
        events.publishEvent(new ServiceRecordChanged(id, current.stationId(), current.serviceDate(), false));
        return get(id);
    }

    // ---- the one project a record counts for -----------------------------------------------------

    /**
     * The project a record counts for, how it came to count there, and the other projects running at its
     * station on its date (where a bureau officer may move it). {@code canMove}: the user is a bureau officer
     * (or the administrator) and there is somewhere to move it.
     */
    public record ProjectChoice(
            Long projectId, String projectName, String how, String howLabel, List<Project> others, boolean canMove) {}

    public static boolean movesTies(Role role) {
        return role == Role.BUREAU_OFFICER || role == Role.ADMIN;
    }

    @Transactional(readOnly = true)
    public ProjectChoice projectChoice(long id) {
        ServiceRecordView r = visible(id);
        List<Project> running = projects.ofStation(r.stationId()).stream()
                .filter(p -> !r.serviceDate().isBefore(p.startDate())
                        && !r.serviceDate().isAfter(p.endDate()))
                .toList();
        String name = r.projectId() == null
                ? null
                : running.stream()
                        .filter(p -> p.id() == r.projectId())
                        .map(Project::name)
                        .findFirst()
                        .orElseGet(() -> projects.findUnscoped(r.projectId())
                                .map(Project::name)
                                .orElse("#" + r.projectId()));
        List<Project> others = running.stream()
                .filter(p -> r.projectId() == null || p.id() != r.projectId())
                .toList();
        String how = store.projectTie(id);
        return new ProjectChoice(
                r.projectId(),
                name,
                how,
                ProjectTie.label(how),
                others,
                movesTies(scopes.currentUser().role()) && !others.isEmpty() && !r.voided());
    }

    /**
     * A bureau officer moves the record to another project running at its station on its date (so it counts
     * there and no longer where it counted); audited with the reason. The record then follows that project's
     * evidence policy. Out of scope: 404; not a bureau officer: 403; a project not covering it: 400.
     */
    @Transactional
    public ServiceRecordView moveProject(long id, Long projectId, String reason) {
        if (!movesTies(scopes.currentUser().role())) {
            throw new ForbiddenException("只有区/县民政局可以调整记录计入的项目");
        }
        ServiceRecordView r = visible(id);
        if (r.voided()) {
            throw new ConflictException("该记录已作废，不计入任何项目");
        }
        if (projectId == null) {
            throw BusinessException.field("projectId", "请选择要计入的项目");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 200) {
            throw BusinessException.field("reason", "请填写调整原因（2～200个字）");
        }
        ProjectChoice choice = projectChoice(id);
        Project target = choice.others().stream()
                .filter(p -> p.id() == projectId)
                .findFirst()
                .orElseThrow(() -> BusinessException.field("projectId", "所选项目不包含该社工站，或服务日期不在项目周期内（只能调整到当日在该站重叠的其他项目）"));
        store.moveProject(id, target.id());
        recompute(id);
        events.publishEvent(AuditEvent.success(
                "RECORD_PROJECT_MOVE",
                "SERVICE_RECORD",
                id,
                r.orgPath(),
                "由《" + (choice.projectName() == null ? "未计入" : choice.projectName()) + "》调整到《" + target.name() + "》："
                        + why));
        events.publishEvent(new ServiceRecordChanged(id, r.stationId(), r.serviceDate(), false));
        return get(id);
    }

    /**
     * Ties the records that count for no project yet (recorded before any project covered them) to a project
     * just created or changed, for its stations and dates. Called by the project listener, without a user.
     */
    @Transactional
    public int tieUntied(long projectId, List<Long> stationIds, LocalDate from, LocalDate to) {
        return store.tieUntied(projectId, stationIds, from, to);
    }

    /**
     * Records whom a service was for where a catalog tells them apart inside one kind (培训对象: 社区社会组织骨干 or
     * 社区工作者), so that an ACTIVITY_COUNT with that subtype counts it and no other. Set by the module that asks
     * (community's trainings) for a record it has just created or checked.
     */
    @Transactional
    public void setAudience(long id, String audience) {
        visible(id);
        store.setAudience(id, audience);
    }

    // ---- photos, sign-in sheets, receipts -------------------------------------------------------

    @Transactional
    public UploadResult addPhoto(
            long id,
            PhotoPurpose purpose,
            PhotoSource source,
            String uploadKey,
            String originalName,
            long declaredSize,
            InputStream content,
            DeviceCapture device) {
        ServiceRecordView r = writable(id);
        String station =
                directory.findVisible(r.stationId()).map(OrgUnitView::name).orElse(null);
        String place = r.place() != null
                ? r.place()
                : directory.findVisible(r.orgUnitId()).map(OrgUnitView::name).orElse(null);
        UploadResult result = evidence.upload(new PhotoUpload(
                OWNER_TYPE,
                id,
                r.orgPath(),
                purpose == null ? PhotoPurpose.SCENE : purpose,
                source == null ? PhotoSource.GALLERY : source,
                uploadKey,
                originalName,
                declaredSize,
                content,
                device,
                station,
                place));
        // the evidence module's EvidenceChanged event has already recomputed the qualification
        return result;
    }

    @Transactional
    public void removePhoto(long id, long photoId) {
        writable(id);
        evidence.remove(photoId, OWNER_TYPE, id, "由 " + scopes.currentUser().username() + " 从记录中删除");
    }

    /**
     * Several people on the sign-in sheet at once: those picked from the ledgers (their ledger phone) and, when a name
     * is typed, one person not on a ledger. All or none.
     */
    @Transactional
    public List<SignInEntryView> addSignIns(long id, List<Long> recipientIds, String name, String phone) {
        List<SignInEntryView> out = new ArrayList<>();
        for (Long rid : recipientIds == null ? List.<Long>of() : recipientIds) {
            if (rid != null) {
                out.add(addSignIn(id, null, null, rid));
            }
        }
        if (out.isEmpty() || (name != null && !name.isBlank())) {
            out.add(addSignIn(id, name, phone, null));
        }
        return out;
    }

    /** Several receivers of the same item at once (picked from the ledgers, and/or one typed name). All or none. */
    @Transactional
    public List<ReceiptView> addReceipts(
            long id, List<Long> recipientIds, String name, String item, String quantity, String phone) {
        List<ReceiptView> out = new ArrayList<>();
        for (Long rid : recipientIds == null ? List.<Long>of() : recipientIds) {
            if (rid != null) {
                out.add(addReceipt(id, null, item, quantity, null, rid));
            }
        }
        if (out.isEmpty() || (name != null && !name.isBlank())) {
            out.add(addReceipt(id, name, item, quantity, phone, null));
        }
        return out;
    }

    @Transactional
    public SignInEntryView addSignIn(long id, String name, String phone, Long recipientId) {
        ServiceRecordView r = writable(id);
        String n = personName("name", name, recipientId);
        String p = PhoneNumbers.normalizeOptional(
                "phone", phone == null || phone.isBlank() ? ledgerPhone(recipientId) : phone);
        long entry = store.insertSignIn(id, n, p, recipientId);
        recompute(id);
        events.publishEvent(AuditEvent.success("SIGN_IN_ADD", "SERVICE_RECORD", id, r.orgPath(), "签到 #" + entry));
        return store.signIns(id).stream()
                .filter(e -> e.id() == entry)
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void removeSignIn(long id, long entryId) {
        ServiceRecordView r = writable(id);
        if (!store.deleteSignIn(id, entryId)) {
            throw new NotFoundException("签到记录");
        }
        recompute(id);
        events.publishEvent(AuditEvent.success("SIGN_IN_REMOVE", "SERVICE_RECORD", id, r.orgPath(), "签到 #" + entryId));
    }

    @Transactional(readOnly = true)
    public List<SignInEntryView> signIns(long id) {
        visible(id);
        return maskedSignIns(id);
    }

    @Transactional
    public ReceiptView addReceipt(long id, String name, String item, String quantity, String phone, Long recipientId) {
        ServiceRecordView r = writable(id);
        String n = personName("name", name, recipientId);
        String it = item == null ? "" : item.strip();
        if (it.isEmpty() || it.length() > 100) {
            throw BusinessException.field("item", "请填写领取的物品（不超过100个字）");
        }
        String q = quantity == null ? "" : quantity.strip();
        if (q.isEmpty() || q.length() > 30) {
            throw BusinessException.field("quantity", "请填写数量，如“1袋”“2件”");
        }
        String p = PhoneNumbers.normalizeOptional(
                "phone", phone == null || phone.isBlank() ? ledgerPhone(recipientId) : phone);
        long entry = store.insertReceipt(id, n, it, q, p, recipientId);
        recompute(id);
        events.publishEvent(AuditEvent.success("RECEIPT_ADD", "SERVICE_RECORD", id, r.orgPath(), "领取 #" + entry));
        return store.receipts(id).stream()
                .filter(e -> e.id() == entry)
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void removeReceipt(long id, long entryId) {
        ServiceRecordView r = writable(id);
        if (!store.deleteReceipt(id, entryId)) {
            throw new NotFoundException("领取记录");
        }
        recompute(id);
        events.publishEvent(AuditEvent.success("RECEIPT_REMOVE", "SERVICE_RECORD", id, r.orgPath(), "领取 #" + entryId));
    }

    @Transactional(readOnly = true)
    public List<ReceiptView> receipts(long id) {
        visible(id);
        return maskedReceipts(id);
    }

    /** The records a ledger person took part in (served, signed in or signed for goods), newest first, in scope. */
    @Transactional(readOnly = true)
    public List<ServiceRecordView> ofRecipient(long recipientId, int limit) {
        return named(store.ofRecipient(scopes.current(), recipientId, limit));
    }

    /** Ledger people the current user served most recently (ids; the caller checks their scope). */
    @Transactional(readOnly = true)
    public List<Long> recentlyServed(int limit) {
        return store.recentRecipients(scopes.currentUser().id(), limit);
    }

    /** A ledger person by id for a picker's chip, if visible to the user. */
    @Transactional(readOnly = true)
    public java.util.Optional<RecipientPicker.RecipientOption> pickedRecipient(long recipientId) {
        RecipientPicker picker = pickers.getIfAvailable();
        return picker == null ? java.util.Optional.empty() : picker.find(recipientId);
    }

    /** People from the ledgers for the picker (empty until the recipient module provides a picker). */
    @Transactional(readOnly = true)
    public List<RecipientPicker.RecipientOption> searchRecipients(long stationId, String query) {
        scopes.requireVisibleUnit(stationId, "社工站");
        RecipientPicker picker = pickers.getIfAvailable();
        return picker == null ? List.of() : picker.search(stationId, query == null ? "" : query.strip(), 20);
    }

    // ---- qualification ----------------------------------------------------------------------

    /**
     * Derives and stores the record's qualification from its current evidence. Runs without a scope
     * check on purpose: a photo uploaded at another station may change this record's evidence.
     */
    @Transactional
    public Qualification recompute(long id) {
        ServiceRecordView r = store.find(id).orElseThrow(() -> new NotFoundException("记录"));
        List<PhotoView> photos = evidence.photosOf(OWNER_TYPE, id);
        List<EvidenceFacts.Attendee> attendees = store.signIns(id).stream()
                .map(e -> new EvidenceFacts.Attendee(e.id(), e.name(), e.phone()))
                .toList();
        EvidenceFacts facts = new EvidenceFacts(
                r.kind(),
                r.serviceDate(),
                r.siteLatitude(),
                r.siteLongitude(),
                r.indoor(),
                r.outdoorReason(),
                r.distributesGoods(),
                r.noGoodsReason(),
                photos,
                attendees,
                r.participants().stream()
                        .map(p -> new EvidenceFacts.Person(p.recipientId(), p.name()))
                        .toList(),
                r.participantCount(),
                store.receipts(id).stream()
                        .map(e -> new EvidenceFacts.Person(e.recipientId(), e.name()))
                        .toList(),
                r.publicityChannel(),
                r.publicityLink());
        Qualification q = QualificationRules.evaluate(facts, policies.forProject(r.projectId()));
        List<Qualification.Reason> holds = store.holds(id);
        if (!holds.isEmpty()) {
            // a reviewer's verdict (e.g. a failed spot check) keeps the record out whatever its evidence says
            List<Qualification.Reason> all = new ArrayList<>(q.reasons());
            all.addAll(holds);
            q = new Qualification(cn.sgz.evidence.QualificationStatus.EXCLUDED, all);
        }
        store.saveQualification(id, q);
        return q;
    }

    /**
     * Qualifies again one batch of the records last qualified under older rules ({@link QualificationRules#VERSION});
     * the start-up runner calls it until it answers 0, so that a changed rule reaches stored records.
     */
    @Transactional
    public int requalifyStaleBatch() {
        List<Long> ids = store.qualifiedUnderOlderRules(200);
        for (long id : ids) {
            ServiceRecordView before = store.find(id).orElseThrow();
            Qualification q = recompute(id);
            if (before.qualification() != q.status()) {
                events.publishEvent(
                        new ServiceRecordChanged(id, before.stationId(), before.serviceDate(), before.voided()));
            }
        }
        return ids.size();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private ServiceRecordView visible(long id) {
        ServiceRecordView r = store.find(id).orElseThrow(() -> new NotFoundException("服务记录"));
        if (!scopes.current().covers(r.orgPath())) {
            throw new NotFoundException("服务记录");
        }
        return r;
    }

    private ServiceRecordView writable(long id) {
        requireWriter();
        ServiceRecordView r = visible(id);
        if (r.voided()) {
            throw new ConflictException("该记录已作废，不能再修改");
        }
        return r;
    }

    private void requireWriter() {
        if (!canWrite()) {
            throw new ForbiddenException("当前角色只能查看服务记录，不能登记或修改");
        }
    }

    private RecordStore.Row resolve(RecordForm f) {
        List<BusinessException.FieldProblem> problems = new ArrayList<>();
        OrgUnitView unit = null;
        if (f.orgUnitId() == null) {
            problems.add(new BusinessException.FieldProblem("orgUnitId", "请选择服务所属的社工站或社工室"));
        } else {
            unit = directory
                    .findVisible(f.orgUnitId())
                    .filter(u -> u.type() == OrgUnitType.STATION || u.type() == OrgUnitType.ROOM)
                    .orElse(null);
            if (unit == null) {
                problems.add(new BusinessException.FieldProblem("orgUnitId", "所选社工站/社工室不存在或不在您的管辖范围内"));
            }
        }
        if (f.kind() == null) {
            problems.add(new BusinessException.FieldProblem("kind", "请选择服务类型"));
        }
        LocalDate today = ChinaTime.today();
        if (f.serviceDate() == null) {
            problems.add(new BusinessException.FieldProblem("serviceDate", "请填写服务日期"));
        } else if (f.serviceDate().isAfter(today)) {
            problems.add(new BusinessException.FieldProblem("serviceDate", "服务日期不能晚于今天"));
        } else if (f.serviceDate().isBefore(today.minusYears(3))) {
            problems.add(new BusinessException.FieldProblem("serviceDate", "服务日期过早，请核对"));
        }
        String title = f.title() == null ? "" : f.title().strip();
        if (title.length() > 100) {
            problems.add(new BusinessException.FieldProblem("title", "标题不能超过100个字"));
        }
        checkTime(f.startTime(), "startTime", problems);
        checkTime(f.endTime(), "endTime", problems);
        if (f.startTime() != null
                && f.endTime() != null
                && !f.startTime().isBlank()
                && !f.endTime().isBlank()
                && f.startTime().compareTo(f.endTime()) > 0) {
            problems.add(new BusinessException.FieldProblem("endTime", "结束时间不能早于开始时间"));
        }
        int count = f.participantCount() == null ? 0 : f.participantCount();
        if (count < 0 || count > 100000) {
            problems.add(new BusinessException.FieldProblem("participantCount", "服务人数应在 0～100000 之间"));
        }
        length(f.place(), 200, "place", "服务地点", problems);
        length(f.workers(), 200, "workers", "服务社工", problems);
        length(f.content(), 4000, "content", "服务内容", problems);
        length(f.outcome(), 2000, "outcome", "服务成效", problems);
        length(f.outdoorReason(), 200, "outdoorReason", "户外活动不需签到表的原因", problems);
        length(f.noGoodsReason(), 200, "noGoodsReason", "未发放物品的原因", problems);
        if (f.kind() == cn.sgz.shared.vocabulary.ServiceKind.PUBLICITY) {
            if (f.publicityChannel() == null) {
                problems.add(new BusinessException.FieldProblem("publicityChannel", "请选择发布渠道（如微信公众号、新闻媒体、宣传栏）"));
            }
            String link = f.publicityLink() == null ? "" : f.publicityLink().strip();
            if (link.length() > 500) {
                problems.add(new BusinessException.FieldProblem("publicityLink", "发布链接不能超过500个字符"));
            } else if (!link.isEmpty() && !link.matches("(?i)https?://\\S+")) {
                problems.add(new BusinessException.FieldProblem("publicityLink", "发布链接应以 http:// 或 https:// 开头"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
        long stationId = unit.type() == OrgUnitType.ROOM ? unit.parentId() : unit.id();
        Double lat = unit.latitude();
        Double lon = unit.longitude();
        if (lat == null || lon == null) {
            OrgUnitView station = directory.findVisible(stationId).orElse(unit);
            lat = station.latitude();
            lon = station.longitude();
        }
        ServiceField domain = f.domain() == null ? f.kind().defaultField() : f.domain();
        if (title.isEmpty()) {
            title = f.kind().label();
        }
        int people =
                Math.max(count, f.participants() == null ? 0 : f.participants().size());
        ProjectTie tie = projectFor(f.projectId(), stationId, f.serviceDate());
        RecordForm tied = f.withProject(tie.projectId());
        return new RecordStore.Row(
                stationId, unit.id(), unit.path(), tied, f.kind(), domain, title, lat, lon, people, tie.how());
    }

    /**
     * The project a service counts for — exactly one (本项目服务成果不得与其他政府购买社工服务项目成果重复利用): the one
     * the worker chose (it must include the station and the date), else the only project running at the station
     * on that date, else — when several overlap — the earliest-started one (then the lowest id). The tie is
     * stored with how it was made; a bureau officer may move it to another overlapping project. A record tied
     * to its project also follows that project's evidence policy. No project running: untied until one is saved.
     */
    public static ProjectTie projectFor(Long given, LocalDate date, List<Project> ofStation) {
        List<Project> running = ofStation.stream()
                .filter(p -> !date.isBefore(p.startDate()) && !date.isAfter(p.endDate()))
                .sorted(java.util.Comparator.comparing(Project::startDate).thenComparingLong(Project::id))
                .toList();
        if (given == null) {
            return running.isEmpty()
                    ? new ProjectTie(null, null)
                    : new ProjectTie(running.get(0).id(), running.size() == 1 ? ProjectTie.ONLY : ProjectTie.EARLIEST);
        }
        if (running.stream().noneMatch(p -> p.id() == given)) {
            throw BusinessException.field("projectId", "所选项目不包含该社工站，或服务日期不在项目周期内");
        }
        return new ProjectTie(given, running.size() == 1 ? ProjectTie.ONLY : ProjectTie.CHOSEN);
    }

    private ProjectTie projectFor(Long given, long stationId, LocalDate date) {
        return projectFor(given, date, projects.ofStation(stationId));
    }

    private List<ServiceRecordView.Participant> participants(RecordForm f) {
        if (f.participants() == null) {
            return List.of();
        }
        List<ServiceRecordView.Participant> out = new ArrayList<>();
        for (RecordForm.ParticipantInput p : f.participants()) {
            if ((p.name() == null || p.name().isBlank()) && p.recipientId() == null) {
                continue;
            }
            out.add(new ServiceRecordView.Participant(
                    0, p.recipientId(), personName("participants", p.name(), p.recipientId())));
        }
        return out;
    }

    /** The ledger's phone of a picked person, when it is a phone a sign-in sheet accepts; else null. */
    private String ledgerPhone(Long recipientId) {
        RecipientPicker picker = recipientId == null ? null : pickers.getIfAvailable();
        if (picker == null) {
            return null;
        }
        String phone = picker.phone(recipientId).orElse(null);
        try {
            return PhoneNumbers.normalizeOptional("phone", phone);
        } catch (BusinessException e) {
            return null;
        }
    }

    /** The name to keep: the ledger's name when the person was picked, else the typed one. */
    private String personName(String field, String typed, Long recipientId) {
        if (recipientId != null) {
            RecipientPicker picker = pickers.getIfAvailable();
            if (picker != null) {
                return picker.find(recipientId)
                        .map(RecipientPicker.RecipientOption::name)
                        .orElseThrow(() -> BusinessException.field(field, "所选服务对象不存在或不在您的管辖范围内"));
            }
        }
        String n = typed == null ? "" : typed.strip();
        if (n.isEmpty() || n.length() > 50) {
            throw BusinessException.field(field, "请填写姓名（不超过50个字）");
        }
        return n;
    }

    private static void checkTime(String t, String field, List<BusinessException.FieldProblem> problems) {
        if (t != null && !t.isBlank() && !t.strip().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            problems.add(new BusinessException.FieldProblem(field, "时间格式应为 时:分，如 09:30"));
        }
    }

    private static void length(
            String s, int max, String field, String label, List<BusinessException.FieldProblem> problems) {
        if (s != null && s.strip().length() > max) {
            problems.add(new BusinessException.FieldProblem(field, label + "不能超过" + max + "个字"));
        }
    }

    /** Fills station and unit names for display (names of units the user can see). */
    private List<ServiceRecordView> named(List<ServiceRecordView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, String> names = new HashMap<>();
        for (OrgUnitType t : List.of(OrgUnitType.STATION, OrgUnitType.ROOM)) {
            directory.visibleUnits(t).forEach(u -> names.put(u.id(), u.name()));
        }
        return rows.stream()
                .map(r -> new ServiceRecordView(
                        r.id(),
                        r.stationId(),
                        names.get(r.stationId()),
                        r.orgUnitId(),
                        names.get(r.orgUnitId()),
                        r.orgPath(),
                        r.projectId(),
                        r.kind(),
                        r.domain(),
                        r.title(),
                        r.serviceDate(),
                        r.startTime(),
                        r.endTime(),
                        r.place(),
                        r.indoor(),
                        r.distributesGoods(),
                        r.siteLatitude(),
                        r.siteLongitude(),
                        r.workers(),
                        r.participantCount(),
                        r.content(),
                        r.outcome(),
                        r.qualification(),
                        r.reasons(),
                        r.qualifiedAt(),
                        r.status(),
                        r.voidReason(),
                        r.voidedAt(),
                        r.voidedBy(),
                        r.createdById(),
                        r.createdByName(),
                        r.createdAt(),
                        r.updatedAt(),
                        r.version(),
                        r.participants(),
                        r.outdoorReason(),
                        r.noGoodsReason(),
                        r.publicityChannel(),
                        r.publicityLink(),
                        r.platformEnteredOn(),
                        r.platformRef()))
                .toList();
    }
}
