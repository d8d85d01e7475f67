package cn.sgz.casework.internal;

import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.StoredFile;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The files the bureau asks for, as Word documents: one form, or the whole case or group file in one
 * document (each form on its own page, in the order of the file). Scoped like the pages, and every
 * export is audited.
 */
@Service
public class CaseworkExport {

    /** A generated document and the name it is downloaded under. */
    public record Document(String filename, byte[] bytes) {}

    private final CaseService cases;
    private final GroupService groups;
    private final EvidenceService evidence;
    private final ApplicationEventPublisher events;

    CaseworkExport(CaseService cases, GroupService groups, EvidenceService evidence, ApplicationEventPublisher events) {
        this.cases = cases;
        this.groups = groups;
        this.evidence = evidence;
        this.events = events;
    }

    /** The whole case file, or one form of it when {@code only} is given. */
    public Document caseFile(long id, FormType only) {
        CaseDetail d = cases.detail(id);
        if (only != null && (!only.belongsTo(CaseService.OWNER))) {
            throw new NotFoundException("表单");
        }
        CaseView c = d.c();
        DocxBuilder doc = new DocxBuilder(c.stationName() + " · 个案编号 " + c.code() + " · 导出于 " + today());
        for (FormType type : FormType.CASE_FILE) {
            if (only != null && only != type) {
                continue;
            }
            doc.title(type.documentName());
            doc.table(caseHeader(c));
            if (type == FormType.CASE_PROCESS) {
                sessions(doc, d.sessions(), type);
            } else {
                Optional<FormView> f = d.form(type);
                if (f.isEmpty()) {
                    doc.note("（尚未填写）");
                } else {
                    doc.table(rows(type, f.get()));
                }
                if (type == FormType.AGREEMENT) {
                    signatures(doc, d.agreementPhotos());
                }
                if (type == FormType.CLOSURE && c.closureDecidedBy() != null) {
                    doc.table(List.<String[]>of(new String[] {
                        "站长审批",
                        (c.stage() == CaseStage.CLOSED ? "同意结案" : "退回") + "（" + c.closureDecidedBy() + "）"
                                + (c.closureNote() == null ? "" : "：" + c.closureNote())
                    }));
                }
            }
        }
        if (only == null && !d.referrals().isEmpty()) {
            doc.title("转介记录");
            for (ReferralView r : d.referrals()) {
                doc.table(List.of(
                        new String[] {"转介日期", r.referredOn().toString()},
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
        DocxBuilder doc =
                new DocxBuilder(g.stationName() + " · " + kind.label() + "编号 " + g.code() + " · 导出于 " + today());
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
                        doc.title(u.title());
                        doc.table(groupHeader(g));
                        doc.table(rows(type, u));
                    }
                }
                if (d.units().isEmpty()) {
                    doc.title(type.documentName()).note("（尚未填写）");
                }
                continue;
            }
            doc.title(type.documentName());
            doc.table(groupHeader(g));
            if (type == FormType.GROUP_PROCESS) {
                sessions(doc, d.sessions(), type);
            } else {
                Optional<FormView> f = type == kind.planForm() ? d.plan() : d.evaluation();
                if (f.isEmpty()) {
                    doc.note("（尚未填写）");
                } else {
                    doc.table(rows(type, f.get()));
                }
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

    private static List<String[]> rows(FormType type, FormView f) {
        List<String[]> rows = new ArrayList<>();
        type.fields().forEach(spec -> rows.add(new String[] {spec.label(), f.value(spec.key())}));
        rows.add(new String[] {
            "填写人",
            f.updatedBy() + "（"
                    + f.updatedAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate() + "）"
        });
        return rows;
    }

    private static void sessions(DocxBuilder doc, List<SessionView> sessions, FormType type) {
        if (sessions.isEmpty()) {
            doc.note("（尚未记录）");
            return;
        }
        int i = 0;
        for (SessionView s : sessions) {
            i++;
            doc.subtitle("第" + i + "次记录" + (s.unitSeq() == null ? "" : "（单元计划第" + s.unitSeq() + "节）"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"计入情况", s.counts() ? "计入，第" + s.number() + "节" : "不计入：" + nz(s.reason())});
            rows.add(new String[] {"服务日期", String.valueOf(s.serviceDate())});
            String time = s.value("startTime") + (s.value("endTime").isEmpty() ? "" : "—" + s.value("endTime"));
            rows.add(new String[] {"服务时间", time});
            rows.add(new String[] {"服务地点", s.value("place")});
            if (type == FormType.GROUP_PROCESS) {
                rows.add(new String[] {
                    "签到人数", s.attendees() + " 人" + (s.minAttendees() > 0 ? "（要求每节不少于 " + s.minAttendees() + " 人）" : "")
                });
            }
            type.fields().forEach(spec -> rows.add(new String[] {spec.label(), s.value(spec.key())}));
            rows.add(new String[] {"服务记录编号", "#" + s.recordId() + "（照片与签到见平台服务记录）"});
            rows.add(new String[] {"记录人", nz(s.createdBy())});
            doc.table(rows);
        }
    }

    private void signatures(DocxBuilder doc, List<PhotoView> photos) {
        List<PhotoView> live = photos.stream().filter(p -> !p.removed()).toList();
        if (live.isEmpty()) {
            doc.note("签字：尚未上传签字页或现场签名");
            return;
        }
        doc.subtitle("服务对象（或监护人）签字");
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
