package cn.sgz.recipient.internal;

import cn.sgz.org.AccountLookup;
import cn.sgz.org.Scope;
import cn.sgz.recipient.AssessmentView;
import cn.sgz.recipient.DueEntry;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.FollowUpView;
import cn.sgz.recipient.NeedCode;
import cn.sgz.recipient.NeedCount;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RecipientView;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.docx.GovDocx;
import cn.sgz.shared.excel.XlsxTable;
import cn.sgz.shared.excel.XlsxTable.Column;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The paper forms of the ledger work, filled in from the data and blank for printing: 入户调查记录表 (Word, one per
 * home visit), 跟踪回访台账 (Excel, everyone on the follow-up roster with their last visit and the visits of the
 * period), 需求清单 (Excel, each assessed person's needs, and the totals per need). Reading is scoped like the pages;
 * every filled-in download is audited.
 */
@Service
public class RecipientPapers {

    static final int BLANK_ROWS = 20;

    private final AssessmentService assessments;
    private final FollowUpService followUps;
    private final RecipientService recipients;
    private final RecipientAccess access;
    private final AccountLookup accounts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RecipientPapers(
            AssessmentService assessments,
            FollowUpService followUps,
            RecipientService recipients,
            RecipientAccess access,
            AccountLookup accounts,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.assessments = assessments;
        this.followUps = followUps;
        this.recipients = recipients;
        this.access = access;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
    }

    // ---- 入户调查记录表 ---------------------------------------------------------------------------------

    /** The 入户调查记录表 of one home visit, filled in (ID number masked). Audited. */
    @Transactional(readOnly = true)
    public byte[] assessmentForm(long assessmentId) {
        AssessmentView a = assessments.get(assessmentId);
        RecipientView r = recipients.get(a.recipientId());
        byte[] file = assessmentDoc(a, r);
        events.publishEvent(AuditEvent.success(
                "EXPORT", "RECIPIENT", r.id(), access.requireVisible(r.id()), "入户调查记录表 " + a.assessedOn()));
        return file;
    }

    /** A blank 入户调查记录表 to print and fill in by hand. */
    public byte[] blankAssessmentForm() {
        return assessmentDoc(null, null);
    }

    private static byte[] assessmentDoc(AssessmentView a, RecipientView r) {
        GovDocx d = new GovDocx(false).maskIdNumbers();
        d.title("入户调查记录表");
        d.centered("社工站：" + (r == null ? "____________________" : r.stationName()) + "　　村（社区）："
                + (r == null ? "______________" : nz(r.orgUnitName())));
        d.subheading("一、基本情况");
        d.pairs(
                2,
                List.of(
                        new String[] {"姓名", r == null ? "" : r.name()},
                        new String[] {"性别", r == null ? "" : r.gender()},
                        new String[] {"出生日期", r == null ? "" : GovDocx.chineseDate(r.birthDate())},
                        new String[] {"年龄", r == null ? "" : r.age() + "岁"},
                        new String[] {"身份证号", r == null ? "" : r.maskedIdNumber()},
                        new String[] {"联系电话", r == null ? "" : nz(r.phone())},
                        new String[] {"家庭住址", r == null ? "" : nz(r.address())},
                        new String[] {"对象类别", r == null ? categoryBoxes() : r.categoryLabels()}));
        d.subheading("二、调查情况");
        d.fields(List.of(
                new String[] {"调查日期", a == null ? "______年____月____日" : GovDocx.chineseDate(a.assessedOn())},
                new String[] {"家庭经济情况", a == null ? "\n\n" : nz(a.economy())},
                new String[] {"居住条件", a == null ? "\n\n" : nz(a.housing())},
                new String[] {"身体状况", a == null ? "\n\n" : nz(a.health())},
                new String[] {"照料情况", a == null ? "\n\n" : nz(a.care())}));
        d.subheading("三、需求评估");
        List<String[]> needs = new ArrayList<>();
        needs.add(new String[] {"需求（勾选）", needBoxes(a == null ? List.of() : a.needs())});
        needs.add(new String[] {"需求说明", a == null ? "\n\n" : nz(a.needsText())});
        needs.add(new String[] {"优势与资源", a == null ? "\n" : nz(a.strengths())});
        needs.add(new String[] {"风险等级", riskBoxes(a == null ? null : a.riskLevel())});
        boolean elderly = r == null || r.in(RecipientCategory.ELDERLY);
        if (elderly) {
            needs.add(new String[] {"老年人特殊情况", flagBoxes(a == null ? List.of() : a.elderlyFlags())});
        }
        boolean child = r == null || r.in(RecipientCategory.CHILD);
        if (child) {
            needs.add(new String[] {"儿童监护情况", a == null ? "" : nz(a.childGuardianship())});
            needs.add(new String[] {"儿童照料情况", a == null ? "" : nz(a.childCare())});
            needs.add(new String[] {"儿童就学情况", a == null ? "" : nz(a.childSchooling())});
            needs.add(new String[] {"儿童安全风险", riskBoxes(a == null ? null : a.childSafetyRisk())});
        }
        d.fields(needs);
        d.signed("调查人（签字）", a == null ? null : a.assessor(), a == null ? null : a.assessedOn());
        d.signed("被调查人（或家属）签字", null, null);
        d.signed("社工站站长（审核）", null, null);
        return d.toBytes();
    }

    private static String needBoxes(List<NeedCode> chosen) {
        StringBuilder sb = new StringBuilder();
        for (NeedCode n : NeedCode.values()) {
            sb.append(chosen.contains(n) ? "☑" : "☐").append(n.label()).append("　");
        }
        return sb.toString().strip();
    }

    private static String riskBoxes(RiskLevel level) {
        StringBuilder sb = new StringBuilder();
        for (RiskLevel l : RiskLevel.values()) {
            sb.append(l == level ? "☑" : "☐").append(l.label()).append("　");
        }
        return sb.toString().strip();
    }

    private static String flagBoxes(List<ElderlyFlag> flags) {
        StringBuilder sb = new StringBuilder();
        for (ElderlyFlag f : ElderlyFlag.values()) {
            sb.append(flags.contains(f) ? "☑" : "☐").append(f.label()).append("　");
        }
        return sb.toString().strip();
    }

    private static String categoryBoxes() {
        StringBuilder sb = new StringBuilder();
        for (RecipientCategory c : RecipientCategory.values()) {
            sb.append("☐").append(c.label()).append("　");
        }
        return sb.toString().strip();
    }

    // ---- 跟踪回访台账 ---------------------------------------------------------------------------------

    private static final List<Column> ROSTER_COLUMNS = List.of(
            Column.seq(),
            Column.text("社工站"),
            Column.text("村（社区）"),
            Column.text("姓名"),
            Column.text("性别", 6),
            Column.integer("年龄"),
            Column.text("联系电话", 14),
            Column.text("住址", 24),
            Column.text("风险等级"),
            Column.text("回访频次"),
            Column.text("纳入原因", 20),
            Column.date("上次回访日期"),
            Column.text("回访方式"),
            Column.text("回访情况", 30),
            Column.text("回访人"),
            Column.text("本期状态"));

    /** 跟踪回访台账: everyone on the active roster in scope (optionally one station), with their last follow-up. */
    @Transactional(readOnly = true)
    public byte[] followUpRoster(Long stationId) {
        if (stationId != null) {
            access.requireVisibleStation(stationId);
        }
        LocalDate today = ChinaTime.today();
        List<DueEntry> entries = followUps.dueList(today, stationId, false);
        Map<Long, FollowUpView> last =
                lastFollowUps(entries.stream().map(DueEntry::recipientId).toList());
        Map<String, String> names = accounts.displayNames(
                last.values().stream().map(FollowUpView::recordedBy).toList());
        XlsxTable.SheetBuilder sheet = XlsxTable.sheet("跟踪回访台账")
                .title("跟踪回访台账")
                .subtitle(XlsxTable.asOf(access.scopeLabel(stationId), today))
                .columns(ROSTER_COLUMNS)
                .landscape(true);
        int n = 0;
        for (DueEntry e : entries) {
            FollowUpView f = last.get(e.recipientId());
            sheet.row(
                    ++n,
                    nz(e.stationName()),
                    nz(e.orgUnitName()),
                    e.name(),
                    nz(e.gender()),
                    e.age(),
                    nz(e.phone()),
                    nz(e.address()),
                    e.riskLevel() == null ? "" : e.riskLevel().label(),
                    e.frequency().label(),
                    nz(e.reason()),
                    e.lastFollowedOn(),
                    f == null ? "" : f.method().label(),
                    f == null ? "" : nz(f.findings()),
                    f == null ? "" : names.getOrDefault(f.recordedBy(), f.recordedBy()),
                    e.status().label());
        }
        sheet.note("制表人：____________　　审核人：____________　　制表日期：" + GovDocx.chineseDate(today));
        byte[] file = sheet.toBytes();
        events.publishEvent(AuditEvent.success("EXPORT", "RECIPIENT", null, null, "跟踪回访台账 " + entries.size() + "人"));
        return file;
    }

    /** A blank 跟踪回访台账 to print: the same columns, empty bordered rows. */
    public byte[] blankFollowUpRoster() {
        return XlsxTable.sheet("跟踪回访台账")
                .title("跟踪回访台账")
                .subtitle("社工站：____________________　　村（社区）：______________")
                .columns(ROSTER_COLUMNS)
                .blankRows(BLANK_ROWS)
                .note("制表人：____________　　审核人：____________　　制表日期：______年____月____日")
                .landscape(true)
                .toBytes();
    }

    private Map<Long, FollowUpView> lastFollowUps(List<Long> recipientIds) {
        Map<Long, FollowUpView> out = new HashMap<>();
        if (recipientIds.isEmpty()) {
            return out;
        }
        for (int from = 0; from < recipientIds.size(); from += 500) {
            List<Long> chunk = recipientIds.subList(from, Math.min(recipientIds.size(), from + 500));
            jdbc.sql("SELECT x.id, x.recipient_id, x.method, x.followed_on, x.findings, x.recorded_by "
                            + "FROM followup_record x WHERE x.recipient_id IN (:ids) ORDER BY x.followed_on, x.id")
                    .param("ids", chunk)
                    .query(rs -> {
                        out.put(
                                rs.getLong("recipient_id"),
                                new FollowUpView(
                                        rs.getLong("id"),
                                        rs.getLong("recipient_id"),
                                        null,
                                        cn.sgz.recipient.FollowUpMethod.valueOf(rs.getString("method")),
                                        rs.getObject("followed_on", LocalDate.class),
                                        rs.getString("findings"),
                                        null,
                                        null,
                                        rs.getString("recorded_by"),
                                        null));
                    });
        }
        return out;
    }

    // ---- 需求清单 -------------------------------------------------------------------------------------

    private static final List<Column> NEEDS_COLUMNS = List.of(
            Column.seq(),
            Column.text("社工站"),
            Column.text("村（社区）"),
            Column.text("姓名"),
            Column.text("类别", 20),
            Column.date("评估日期"),
            Column.text("需求", 28),
            Column.text("需求说明", 30),
            Column.text("风险等级"),
            Column.text("对接资源/部门", 16),
            Column.text("办理情况", 16));

    /**
     * 需求清单: each active person's needs from their latest home assessment, and a second sheet with the number of
     * people per need and the assessment coverage. Audited.
     */
    @Transactional(readOnly = true)
    public byte[] needsList(Long stationId) {
        if (stationId != null) {
            access.requireVisibleStation(stationId);
        }
        LocalDate today = ChinaTime.today();
        AssessmentService.NeedsList totals = assessments.needsList(stationId);
        Scope scope = access.scope();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        String station = "";
        if (stationId != null) {
            station = " AND r.station_id = ?";
            params.add(stationId);
        }
        List<Long> ids = jdbc.sql("SELECT r.id FROM recipient r WHERE r.merged_into_id IS NULL AND r.status = 'ACTIVE' "
                        + "AND r.last_assessment_id IS NOT NULL AND " + scope.sqlCondition("r.org_path") + station
                        + " ORDER BY r.station_id, r.org_unit_id, r.name, r.id")
                .params(params)
                .query(Long.class)
                .list();
        String unit = access.scopeLabel(stationId);
        XlsxTable.SheetBuilder sheet = XlsxTable.sheet("需求清单")
                .title("服务对象需求清单")
                .subtitle(XlsxTable.asOf(unit, today))
                .columns(NEEDS_COLUMNS)
                .landscape(true);
        int n = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Map<Long, AssessmentView> latest = assessments.latestOf(chunk);
            Map<Long, RecipientView> people = new HashMap<>();
            recipients.viewsOf(chunk).forEach(v -> people.put(v.id(), v));
            for (Long id : chunk) {
                RecipientView r = people.get(id);
                AssessmentView a = latest.get(id);
                if (r == null || a == null) {
                    continue;
                }
                sheet.row(
                        ++n,
                        nz(r.stationName()),
                        nz(r.orgUnitName()),
                        r.name(),
                        r.categoryLabels(),
                        a.assessedOn(),
                        a.needLabels(),
                        nz(a.needsText()),
                        a.riskLevel() == null ? "" : a.riskLevel().label(),
                        "",
                        "");
            }
        }
        sheet.note("制表人：____________　　审核人：____________　　制表日期：" + GovDocx.chineseDate(today));
        XlsxTable.SheetBuilder sum = sheet.sheet("需求汇总")
                .title("服务对象需求汇总")
                .subtitle(XlsxTable.asOf(unit, today))
                .columns(Column.seq(), Column.text("需求", 24), Column.integer("人数"), Column.number("占已评估人数（%）"));
        int i = 0;
        for (NeedCount c : totals.needs()) {
            sum.row(
                    ++i,
                    c.label(),
                    c.people(),
                    totals.assessedPeople() == 0
                            ? 0
                            : Math.round(c.people() * 1000.0 / totals.assessedPeople()) / 10.0);
        }
        sum.note("在册人数 " + totals.activePeople() + " 人，已入户评估 " + totals.assessedPeople() + " 人，覆盖率 "
                + totals.coveragePercent() + "%");
        byte[] file = sheet.toBytes();
        events.publishEvent(AuditEvent.success("EXPORT", "RECIPIENT", null, null, "需求清单 " + n + "人"));
        return file;
    }

    /** A blank 需求清单 to print. */
    public byte[] blankNeedsList() {
        return XlsxTable.sheet("需求清单")
                .title("服务对象需求清单")
                .subtitle("社工站：____________________　　村（社区）：______________")
                .columns(NEEDS_COLUMNS)
                .blankRows(BLANK_ROWS)
                .note("需求可填："
                        + String.join(
                                "、",
                                java.util.Arrays.stream(NeedCode.values())
                                        .map(NeedCode::label)
                                        .toList()))
                .note("制表人：____________　　审核人：____________　　制表日期：______年____月____日")
                .landscape(true)
                .toBytes();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
