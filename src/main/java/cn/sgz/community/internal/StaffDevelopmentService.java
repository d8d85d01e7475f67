package cn.sgz.community.internal;

import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.org.CertificateLevel;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.StaffView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff development: supervision sessions (督导, a SUPERVISION service record with supervisor, topics and
 * cases), exam preparation (who sat which 职业水平考试 in which year, and the result) and the certificate rate
 * of the station's staff, read from the org module's staff (never copied here).
 */
@Service
public class StaffDevelopmentService {

    public record SupervisionForm(
            Long stationId,
            String supervisor,
            String supervisorOrg,
            String topics,
            String casesDiscussed,
            String suggestions,
            Long recordId,
            RecordInput record) {}

    public record SupervisionView(
            long id,
            long stationId,
            String supervisor,
            String supervisorOrg,
            String topics,
            String casesDiscussed,
            String suggestions,
            RecordRef record) {}

    /** {@code staffId} for station staff (the name is taken from the staff list), else a typed name. */
    public record ExamEntryForm(
            Long stationId,
            Long staffId,
            String personName,
            Integer examYear,
            CertificateLevel level,
            ExamResult result,
            String prepNote) {}

    public record ExamEntryView(
            long id,
            long stationId,
            Long staffId,
            String personName,
            int examYear,
            CertificateLevel level,
            ExamResult result,
            String prepNote) {

        public String levelLabel() {
            return level.label();
        }

        public String resultLabel() {
            return result.label();
        }
    }

    public record StaffLine(long staffId, String name, String position, CertificateLevel level, String certNumber) {

        public boolean certified() {
            return level.certified();
        }
    }

    /** 持证率 of the station's staff, and exam passes of the latest exam year against the year before. */
    public record Certification(
            long stationId,
            List<StaffLine> staff,
            long total,
            long certified,
            int percent,
            int year,
            long satThisYear,
            long passedThisYear,
            long satLastYear,
            long passedLastYear,
            String comparison) {}

    private final JdbcClient jdbc;
    private final CommunityAccess access;
    private final OrgDirectory directory;
    private final RecordBridge records;
    private final ApplicationEventPublisher events;

    StaffDevelopmentService(
            JdbcClient jdbc,
            CommunityAccess access,
            OrgDirectory directory,
            RecordBridge records,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
        this.records = records;
        this.events = events;
    }

    // ---- supervision -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<SupervisionView> supervisions(long stationId) {
        access.station(stationId);
        record R(
                long id,
                long recordId,
                String supervisor,
                String org,
                String topics,
                String cases,
                String suggestions) {}
        List<R> rows = jdbc.sql("SELECT * FROM community_supervision WHERE station_id = ? ORDER BY id DESC")
                .param(stationId)
                .query((rs, n) -> new R(
                        rs.getLong("id"),
                        rs.getLong("record_id"),
                        rs.getString("supervisor"),
                        rs.getString("supervisor_org"),
                        rs.getString("topics"),
                        rs.getString("cases_discussed"),
                        rs.getString("suggestions")))
                .list();
        Map<Long, RecordSummary> s =
                records.summaries(rows.stream().map(R::recordId).toList());
        return rows.stream()
                .map(r -> new SupervisionView(
                        r.id(),
                        stationId,
                        r.supervisor(),
                        r.org(),
                        r.topics(),
                        r.cases(),
                        r.suggestions(),
                        s.containsKey(r.recordId()) ? RecordBridge.ref(s.get(r.recordId())) : null))
                .toList();
    }

    @Transactional
    public SupervisionView createSupervision(SupervisionForm form) {
        access.requireWriter();
        SupervisionForm f = form == null ? new SupervisionForm(null, null, null, null, null, null, null, null) : form;
        OrgUnitView station = access.station(f.stationId());
        Checks c = new Checks();
        String supervisor = c.text(f.supervisor(), "supervisor", "督导老师", 50, true);
        String org = c.text(f.supervisorOrg(), "supervisorOrg", "督导所在单位", 100, false);
        String topics = c.text(f.topics(), "topics", "督导主题", 1000, true);
        String cases = c.text(f.casesDiscussed(), "casesDiscussed", "讨论的个案", 1000, false);
        String suggestions = c.text(f.suggestions(), "suggestions", "督导意见", 2000, false);
        c.throwIfAny();
        ServiceRecordView r = f.recordId() != null
                ? records.requireRecord(f.recordId(), station.id(), Set.of(ServiceKind.SUPERVISION), "recordId")
                : records.create(
                        station.id(), ServiceKind.SUPERVISION, f.record(), "专业督导：" + cut(topics, 40), List.of());
        if (jdbc.sql("SELECT COUNT(*) FROM community_supervision WHERE record_id = ?")
                        .param(r.id())
                        .query(Long.class)
                        .single()
                > 0) {
            throw BusinessException.field("recordId", "服务记录：该督导记录已登记过");
        }
        long id = Sql.insert(
                jdbc,
                """
                INSERT INTO community_supervision (station_id, org_path, record_id, supervisor, supervisor_org, topics,
                    cases_discussed, suggestions, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)""",
                station.id(),
                station.path(),
                r.id(),
                supervisor,
                org,
                topics,
                cases,
                suggestions,
                access.me().username(),
                ChinaTime.offsetNow());
        events.publishEvent(AuditEvent.success("SUPERVISION_CREATE", "SUPERVISION", id, station.path(), supervisor));
        return supervisions(station.id()).stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow();
    }

    // ---- exams and certificates ----------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ExamEntryView> examEntries(long stationId) {
        access.station(stationId);
        return jdbc.sql("SELECT * FROM community_exam_entry WHERE station_id = ? ORDER BY exam_year DESC, person_name")
                .param(stationId)
                .query(StaffDevelopmentService::mapExam)
                .list();
    }

    @Transactional
    public ExamEntryView addExamEntry(ExamEntryForm form) {
        access.requireWriter();
        ExamEntryForm f = form == null ? new ExamEntryForm(null, null, null, null, null, null, null) : form;
        OrgUnitView station = access.station(f.stationId());
        Checks c = new Checks();
        String name;
        if (f.staffId() != null) {
            name = directory.staffOf(station.id()).stream()
                    .filter(s -> s.id() == f.staffId())
                    .map(StaffView::name)
                    .findFirst()
                    .orElse(null);
            if (name == null) {
                c.add("staffId", "驻站人员：请选择本站的驻站人员");
            }
        } else {
            name = c.text(f.personName(), "personName", "考生姓名", 50, true);
        }
        int thisYear = ChinaTime.today().getYear();
        if (f.examYear() == null) {
            c.add("examYear", "考试年度：请填写考试年度");
        } else if (f.examYear() < 2008 || f.examYear() > thisYear) {
            c.add("examYear", "考试年度：应在 2008～" + thisYear + " 之间");
        }
        c.required(f.level(), "level", "报考级别");
        if (f.level() == CertificateLevel.NONE) {
            c.add("level", "报考级别：请选择助理社会工作师、社会工作师或高级社会工作师");
        }
        String note = c.text(f.prepNote(), "prepNote", "考前辅导情况", 500, false);
        c.throwIfAny();
        if (jdbc.sql("SELECT COUNT(*) FROM community_exam_entry WHERE station_id = ? AND person_name = ? "
                                + "AND exam_year = ? AND exam_level = ?")
                        .params(station.id(), name, f.examYear(), f.level().name())
                        .query(Long.class)
                        .single()
                > 0) {
            throw BusinessException.field(
                    "personName",
                    "考生姓名：" + name + " 的 " + f.examYear() + " 年" + f.level().label() + "考试已登记");
        }
        OffsetDateTime now = ChinaTime.offsetNow();
        long id = Sql.insert(
                jdbc,
                """
                INSERT INTO community_exam_entry (station_id, org_path, staff_id, person_name, exam_year, exam_level,
                    result, prep_note, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                station.id(),
                station.path(),
                f.staffId(),
                name,
                f.examYear(),
                f.level().name(),
                (f.result() == null ? ExamResult.PENDING : f.result()).name(),
                note,
                access.me().username(),
                now,
                now);
        events.publishEvent(AuditEvent.success("EXAM_ENTRY_CREATE", "EXAM_ENTRY", id, station.path(), null));
        return exam(id);
    }

    @Transactional
    public ExamEntryView updateExamResult(long id, ExamResult result) {
        access.requireWriter();
        ExamEntryView e = exam(id);
        if (result == null) {
            throw BusinessException.field("result", "考试结果：请选择考试结果");
        }
        jdbc.sql("UPDATE community_exam_entry SET result = ?, updated_at = ? WHERE id = ?")
                .params(result.name(), ChinaTime.offsetNow(), id)
                .update();
        events.publishEvent(AuditEvent.success(
                "EXAM_ENTRY_RESULT",
                "EXAM_ENTRY",
                id,
                access.station(e.stationId()).path(),
                result.label()));
        return exam(id);
    }

    @Transactional(readOnly = true)
    public Certification certification(long stationId) {
        access.station(stationId);
        List<StaffLine> staff = directory.staffOf(stationId).stream()
                .map(s -> new StaffLine(s.id(), s.name(), s.position(), s.certLevel(), s.certNumber()))
                .toList();
        long certified = staff.stream().filter(StaffLine::certified).count();
        List<ExamEntryView> exams = examEntries(stationId);
        int year = exams.stream()
                .mapToInt(ExamEntryView::examYear)
                .max()
                .orElse(ChinaTime.today().getYear());
        long sat = exams.stream()
                .filter(e -> e.examYear() == year && e.result() != ExamResult.ABSENT)
                .count();
        long passed = exams.stream()
                .filter(e -> e.examYear() == year && e.result() == ExamResult.PASSED)
                .count();
        long satBefore = exams.stream()
                .filter(e -> e.examYear() == year - 1 && e.result() != ExamResult.ABSENT)
                .count();
        long passedBefore = exams.stream()
                .filter(e -> e.examYear() == year - 1 && e.result() == ExamResult.PASSED)
                .count();
        long diff = passed - passedBefore;
        String comparison = year + "年通过 " + passed + " 人（参考 " + sat + " 人），" + (year - 1) + "年通过 " + passedBefore
                + " 人（参考 " + satBefore + " 人）"
                + (diff > 0 ? "，增加 " + diff + " 人" : diff < 0 ? "，减少 " + (-diff) + " 人" : "，持平");
        return new Certification(
                stationId,
                staff,
                staff.size(),
                certified,
                staff.isEmpty() ? 0 : (int) (certified * 100 / staff.size()),
                year,
                sat,
                passed,
                satBefore,
                passedBefore,
                comparison);
    }

    private ExamEntryView exam(long id) {
        ExamEntryView e = jdbc.sql("SELECT * FROM community_exam_entry WHERE id = ?")
                .param(id)
                .query(StaffDevelopmentService::mapExam)
                .optional()
                .orElseThrow(() -> new NotFoundException("考试登记"));
        String path = jdbc.sql("SELECT org_path FROM community_exam_entry WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        access.requireVisible(path, "考试登记");
        return e;
    }

    private static ExamEntryView mapExam(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ExamEntryView(
                rs.getLong("id"),
                rs.getLong("station_id"),
                rs.getObject("staff_id", Long.class),
                rs.getString("person_name"),
                rs.getInt("exam_year"),
                CertificateLevel.valueOf(rs.getString("exam_level")),
                ExamResult.valueOf(rs.getString("result")),
                rs.getString("prep_note"));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
