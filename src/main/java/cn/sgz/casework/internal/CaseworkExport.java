package cn.sgz.casework.internal;

import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.SignInEntryView;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.StoredFile;
import cn.sgz.org.AccountLookup;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.docx.GovDocx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The files the bureau asks for, as Word documents: one form, or the whole case or group file in one
 * document (each form on its own page, in the order of the file), written by the shared
 * {@link GovDocx} (A4, 宋体, tables with a column grid, page numbers). People are named by their real names, dates
 * are written 2026年12月7日, and each session lists its sign-in sheet and photos. Scoped like the pages, and every
 * export is audited.
 */
@Service
public class CaseworkExport {

    /** A generated document and the name it is downloaded under. */
    public record Document(String filename, byte[] bytes) {}

    private final CaseService cases;
    private final GroupService groups;
    private final EvidenceService evidence;
    private final ServiceRecordService records;
    private final AccountLookup accounts;
    private final ApplicationEventPublisher events;

    CaseworkExport(
            CaseService cases,
            GroupService groups,
            EvidenceService evidence,
            ServiceRecordService records,
            AccountLookup accounts,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.groups = groups;
        this.evidence = evidence;
        this.records = records;
        this.accounts = accounts;
        this.events = events;
    }

    private static GovDocx docx(String footer) {
        return new GovDocx(false, footer).maskIdNumbers();
    }

    /** The whole case file, or one form of it when {@code only} is given. */
    public Document caseFile(long id, FormType only) {
        CaseDetail d = cases.detail(id);
        if (only != null && (!only.belongsTo(CaseService.OWNER))) {
            throw new NotFoundException("表单");
        }
        CaseView c = d.c();
        GovDocx doc = docx(c.stationName() + " · 个案编号 " + c.code() + " · 导出于 " + today());
        Map<String, String> names = names(d.forms(), d.sessions(), c.closureDecidedBy());
        for (FormType type : FormType.CASE_FILE) {
            if (only != null && only != type) {
                continue;
            }
            doc.formTitle(type.documentName());
            doc.fields(caseHeader(c));
            if (type == FormType.CASE_PROCESS) {
                sessions(doc, d.sessions(), type, names);
            } else {
                Optional<FormView> f = d.form(type);
                if (f.isEmpty()) {
                    doc.note("（尚未填写）");
                } else {
                    doc.fields(rows(type, f.get(), names));
                }
                if (type == FormType.AGREEMENT) {
                    signatures(doc, d.agreementPhotos());
                }
                if (type == FormType.CLOSURE && c.closureDecidedBy() != null) {
                    doc.fields(List.<String[]>of(new String[] {
                        "站长审批",
                        (c.stage() == CaseStage.CLOSED ? "同意结案" : "退回") + "（"
                                + names.getOrDefault(c.closureDecidedBy(), c.closureDecidedBy()) + "）"
                                + (c.closureNote() == null ? "" : "：" + c.closureNote())
                    }));
                }
                signatureLines(doc, type, f.orElse(null), c.workerName(), names);
            }
        }
        if (only == null && !d.referrals().isEmpty()) {
            doc.formTitle("转介记录");
            for (ReferralView r : d.referrals()) {
                doc.fields(List.of(
                        new String[] {"转介日期", GovDocx.chineseDate(r.referredOn())},
                        new String[] {"接收机构", r.organisation()},
                        new String[] {"转介资源", nz(r.resource())},
                        new String[] {"转介原因", r.reason()},
                        new String[] {"联系人及电话", nz(r.contact())},
                        new String[] {"跟进情况", r.status().label() + (r.followUp() == null ? "" : "：" + r.followUp())}));
            }
        }
        String what = only == null ? "个案档案" : only.documentName();
        events.publishEvent(AuditEvent.success("CASE_EXPORT", CaseService.OWNER, id, c.orgPath(), what));
        return new Document(what + "-" + c.code() + ".docx", doc.toBytes());
    }

    /** The whole group or community file, or one form (seq: the session number of a 单元计划书). */
    public Document groupFile(GroupKind kind, long id, FormType only, Integer seq) {
        GroupDetail d = groups.detail(kind, id);
        if (only != null && !only.belongsTo(kind.name())) {
            throw new NotFoundException("表单");
        }
        GroupView g = d.g();
        GovDocx doc = docx(g.stationName() + " · " + kind.label() + "编号 " + g.code() + " · 导出于 " + today());
        List<FormView> all = new ArrayList<>(d.units());
        d.plan().ifPresent(all::add);
        d.evaluation().ifPresent(all::add);
        Map<String, String> names = names(all, d.sessions(), null);
        List<FormType> order = kind == GroupKind.GROUP
                ? List.of(FormType.GROUP_PLAN, FormType.UNIT_PLAN, FormType.GROUP_PROCESS, FormType.GROUP_EVALUATION)
                : List.of(FormType.COMMUNITY_PLAN, FormType.GROUP_PROCESS, FormType.COMMUNITY_EVALUATION);
        for (FormType type : order) {
            if (only != null && only != type) {
                continue;
            }
            if (type == FormType.UNIT_PLAN) {
                for (FormView u : d.units()) {
                    if (seq == null || seq == u.seq()) {
                        doc.formTitle(u.title());
                        doc.fields(groupHeader(g));
                        doc.fields(rows(type, u, names));
                    }
                }
                if (d.units().isEmpty()) {
                    doc.formTitle(type.documentName()).note("（尚未填写）");
                }
                continue;
            }
            doc.formTitle(type.documentName());
            doc.fields(groupHeader(g));
            if (type == FormType.GROUP_PROCESS) {
                sessions(doc, d.sessions(), type, names);
            } else {
                Optional<FormView> f = type == kind.planForm() ? d.plan() : d.evaluation();
                if (f.isEmpty()) {
                    doc.note("（尚未填写）");
                } else {
                    doc.fields(rows(type, f.get(), names));
                }
                signatureLines(doc, type, f.orElse(null), g.workerName(), names);
            }
        }
        String what = only == null ? kind.label() + "档案" : only.documentName();
        events.publishEvent(AuditEvent.success(kind.name() + "_EXPORT", kind.name(), id, g.orgPath(), what));
        return new Document(what + "-" + g.code() + ".docx", doc.toBytes());
    }

    private static List<String[]> caseHeader(CaseView c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"个案编号", c.code()});
        rows.add(new String[] {"个案名称", c.title()});
        rows.add(new String[] {"案主", c.clientName() + (c.clientHint() == null ? "" : "（" + c.clientHint() + "）")});
        rows.add(new String[] {"服务领域", c.domain().label()});
        rows.add(new String[] {"所属社工站", c.stationName()});
        rows.add(new String[] {"负责社工", c.workerName()});
        return rows;
    }

    private static List<String[]> groupHeader(GroupView g) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {g.kind().label() + "编号", g.code()});
        rows.add(new String[] {g.kind().label() + "名称", g.name()});
        rows.add(new String[] {"所属社工站", g.stationName()});
        rows.add(new String[] {"负责社工", g.workerName()});
        return rows;
    }

    private static List<String[]> rows(FormType type, FormView f, Map<String, String> names) {
        List<String[]> rows = new ArrayList<>();
        type.fields().forEach(spec -> rows.add(new String[] {spec.label(), dateText(f.value(spec.key()))}));
        rows.add(new String[] {
            "填写人",
            names.getOrDefault(f.updatedBy(), f.updatedBy()) + "（"
                    + GovDocx.chineseDate(
                            f.updatedAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate()) + "）"
        });
        return rows;
    }

    /** A value that is an ISO date (2026-11-19) is written the Chinese way (2026年11月19日). */
    private static String dateText(String value) {
        if (value != null && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return GovDocx.chineseDate(java.time.LocalDate.parse(value));
            } catch (java.time.format.DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * The signature lines the paper forms carry: the worker signs every form; the agreement and the closure form are
     * also signed by the client (or guardian); plans and evaluations by the station head (督导/站长).
     */
    private static void signatureLines(
            GovDocx doc, FormType type, FormView f, String worker, Map<String, String> names) {
        java.time.LocalDate date = f == null
                ? null
                : f.updatedAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        String signer = f == null ? worker : names.getOrDefault(f.updatedBy(), worker);
        doc.signed("社工（签字）", signer, date);
        if (type == FormType.AGREEMENT || type == FormType.CLOSURE || type == FormType.INTAKE) {
            doc.signed("服务对象（或监护人）签字", null, null);
        }
        if (type == FormType.CLOSURE || type == FormType.GROUP_EVALUATION || type == FormType.COMMUNITY_EVALUATION) {
            doc.signed("督导/站长（签字）", null, null);
        }
    }

    /** Real names for the login names that filled the forms and sessions. */
    private Map<String, String> names(List<FormView> forms, List<SessionView> sessions, String decidedBy) {
        Set<String> logins = new HashSet<>();
        forms.forEach(f -> logins.add(f.updatedBy()));
        sessions.forEach(s -> logins.add(s.createdBy()));
        if (decidedBy != null) {
            logins.add(decidedBy);
        }
        logins.remove(null);
        return accounts.displayNames(logins);
    }

    private void sessions(GovDocx doc, List<SessionView> sessions, FormType type, Map<String, String> names) {
        if (sessions.isEmpty()) {
            doc.note("（尚未记录）");
            return;
        }
        int i = 0;
        for (SessionView s : sessions) {
            i++;
            doc.subheading("第" + i + "次记录" + (s.unitSeq() == null ? "" : "（单元计划第" + s.unitSeq() + "节）"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"计入情况", s.counts() ? "计入，第" + s.number() + "节" : "不计入：" + nz(s.reason())});
            rows.add(new String[] {"服务日期", GovDocx.chineseDate(s.serviceDate())});
            String time = s.value("startTime") + (s.value("endTime").isEmpty() ? "" : "—" + s.value("endTime"));
            rows.add(new String[] {"服务时间", time});
            rows.add(new String[] {"服务地点", s.value("place")});
            if (type == FormType.GROUP_PROCESS) {
                rows.add(new String[] {
                    "签到人数", s.attendees() + " 人" + (s.minAttendees() > 0 ? "（要求每节不少于 " + s.minAttendees() + " 人）" : "")
                });
            }
            type.fields().forEach(spec -> rows.add(new String[] {spec.label(), dateText(s.value(spec.key()))}));
            rows.add(new String[] {"服务记录编号", "#" + s.recordId()});
            rows.add(new String[] {"记录人", names.getOrDefault(s.createdBy(), nz(s.createdBy()))});
            doc.fields(rows);
            evidenceOf(doc, s.recordId());
        }
    }

    /** The sign-in sheet (name, phone) and the photos of a session's service record, in the document itself. */
    private void evidenceOf(GovDocx doc, long recordId) {
        ServiceRecordService.RecordDetail detail;
        try {
            detail = records.detail(recordId);
        } catch (NotFoundException e) {
            return;
        }
        List<SignInEntryView> signIns = detail.signIns();
        if (!signIns.isEmpty()) {
            doc.note("签到表（" + signIns.size() + "人）");
            List<List<String>> rows = new ArrayList<>();
            int n = 0;
            for (SignInEntryView e : signIns) {
                rows.add(List.of(String.valueOf(++n), nz(e.name()), nz(e.phone())));
            }
            doc.table(List.of("序号", "姓名", "联系电话"), rows, 1, 3, 4);
        } else {
            doc.note("签到表：无签到记录");
        }
        List<PhotoView> photos =
                detail.photos().stream().filter(p -> !p.removed()).toList();
        if (photos.isEmpty()) {
            doc.note("活动照片：无");
            return;
        }
        doc.note("活动照片（" + photos.size() + "张）");
        for (PhotoView p : photos) {
            StoredFile f = evidence.open(p.id(), "original");
            doc.picture(f.bytes(), f.contentType(), p.width(), p.height(), "照片 #" + p.id(), 7);
            doc.note("照片 #" + p.id()
                    + (p.capturedAt() == null
                            ? ""
                            : "　拍摄于 "
                                    + GovDocx.chineseDateTime(p.capturedAt()
                                            .atZoneSameInstant(ChinaTime.ZONE)
                                            .toLocalDateTime())));
        }
    }

    private void signatures(GovDocx doc, List<PhotoView> photos) {
        List<PhotoView> live = photos.stream().filter(p -> !p.removed()).toList();
        if (live.isEmpty()) {
            doc.note("签字：尚未上传签字页或现场签名");
            return;
        }
        doc.subheading("服务对象（或监护人）签字");
        for (PhotoView p : live) {
            StoredFile f = evidence.open(p.id(), "original");
            doc.picture(f.bytes(), f.contentType(), p.width(), p.height(), "签字 #" + p.id());
        }
    }

    /** For API callers: "INTAKE" etc., with a Chinese error for anything else. */
    public static FormType parse(String type) {
        try {
            return type == null ? null : FormType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw BusinessException.field("formType", "没有这个表单：" + type);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String today() {
        return ChinaTime.today().toString();
    }
}
