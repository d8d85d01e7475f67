package cn.sgz.community.internal;

import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.community.internal.VolunteerService.ServiceLine;
import cn.sgz.community.internal.VolunteerService.VolunteerView;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.docx.GovDocx;
import cn.sgz.shared.excel.XlsxTable;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What volunteers and the national system need on paper: the 志愿服务记录证明 (a printable page and a Word file)
 * and an xlsx laid out for entering hours into 全国志愿服务信息系统. Only hours whose record counts are printed
 * or exported. Every certificate and export is written to the audit trail.
 */
@Service
public class VolunteerPapers {

    public static final List<String> EXPORT_HEADERS = List.of("姓名", "证件号/手机号", "服务时间", "服务时长(小时)", "活动名称", "服务地点");

    /** What the certificate states; {@code services} are the counting ones in [from, to]. */
    public record Certificate(
            long volunteerId,
            String name,
            String gender,
            String maskedPhone,
            String nationalNo,
            String stationName,
            String teamName,
            LocalDate from,
            LocalDate to,
            List<CertificateLine> services,
            BigDecimal totalHours,
            LocalDate issuedOn) {}

    public record CertificateLine(LocalDate serviceDate, String time, String title, String place, BigDecimal hours) {}

    private final JdbcClient jdbc;
    private final CommunityAccess access;
    private final VolunteerService volunteers;
    private final RecordBridge records;
    private final ApplicationEventPublisher events;

    VolunteerPapers(
            JdbcClient jdbc,
            CommunityAccess access,
            VolunteerService volunteers,
            RecordBridge records,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.volunteers = volunteers;
        this.records = records;
        this.events = events;
    }

    /** The certificate over [from, to] (default: every service up to today); audited. */
    @Transactional(readOnly = true)
    public Certificate certificate(long volunteerId, LocalDate from, LocalDate to) {
        VolunteerView v = volunteers.get(volunteerId);
        LocalDate today = ChinaTime.today();
        LocalDate end = to == null ? today : to;
        if (from != null && from.isAfter(end)) {
            throw BusinessException.field("from", "开始日期：不能晚于结束日期");
        }
        List<ServiceLine> counting = volunteers.services(volunteerId).stream()
                .filter(ServiceLine::counts)
                .filter(l -> (from == null || !l.serviceDate().isBefore(from))
                        && !l.serviceDate().isAfter(end))
                .sorted(Comparator.comparing(ServiceLine::serviceDate))
                .toList();
        Map<Long, ServiceRecordView> details = recordDetails(
                v.stationId(), counting.stream().map(ServiceLine::recordId).toList(), from, end);
        List<CertificateLine> lines = counting.stream()
                .map(l -> {
                    ServiceRecordView r = details.get(l.recordId());
                    return new CertificateLine(
                            l.serviceDate(),
                            time(l.serviceDate(), r),
                            l.title(),
                            r == null ? null : r.place(),
                            l.hours());
                })
                .toList();
        LocalDate start = from != null
                ? from
                : counting.isEmpty() ? v.joinedOn() : counting.get(0).serviceDate();
        Certificate c = new Certificate(
                v.id(),
                v.name(),
                v.gender(),
                v.maskedPhone(),
                v.nationalNo(),
                v.stationName(),
                v.teamName(),
                start,
                end,
                lines,
                lines.stream().map(CertificateLine::hours).reduce(BigDecimal.ZERO, BigDecimal::add),
                today);
        String orgPath = access.station(v.stationId()).path();
        events.publishEvent(AuditEvent.success(
                "VOLUNTEER_CERTIFICATE",
                "VOLUNTEER",
                volunteerId,
                orgPath,
                lines.size() + " 次 " + c.totalHours().toPlainString() + " 小时"));
        return c;
    }

    /** The certificate as a Word document (docx, Chinese fonts set for East Asian text). */
    @Transactional(readOnly = true)
    public byte[] certificateDocx(long volunteerId, LocalDate from, LocalDate to) {
        return CertificateDocx.write(certificate(volunteerId, from, to));
    }

    /** Counting hours of a station's volunteers in [from, to], one row per volunteer and activity; audited. */
    @Transactional(readOnly = true)
    public byte[] exportXlsx(Long stationId, LocalDate from, LocalDate to) {
        OrgUnitView station = access.station(stationId);
        LocalDate end = to == null ? ChinaTime.today() : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)) {
            throw BusinessException.field("from", "开始日期：不能晚于结束日期");
        }
        record S(String name, String phone, long recordId, BigDecimal hours) {}
        List<S> served = jdbc.sql("SELECT v.name, v.phone, s.record_id, s.hours FROM volunteer_service s "
                        + "JOIN volunteer v ON v.id = s.volunteer_id WHERE s.station_id = ?")
                .param(station.id())
                .query((rs, n) -> new S(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
        Map<Long, RecordSummary> sums =
                records.summaries(served.stream().map(S::recordId).distinct().toList());
        List<S> counting = served.stream()
                .filter(s -> {
                    RecordSummary r = sums.get(s.recordId());
                    return r != null
                            && r.counts()
                            && !r.serviceDate().isBefore(start)
                            && !r.serviceDate().isAfter(end);
                })
                .sorted(Comparator.comparing((S s) -> sums.get(s.recordId()).serviceDate())
                        .thenComparing(S::name))
                .toList();
        Map<Long, ServiceRecordView> details = recordDetails(
                station.id(), counting.stream().map(S::recordId).distinct().toList(), start, end);
        XlsxTable.SheetBuilder sheet = XlsxTable.sheet("志愿服务时长")
                .title("志愿服务时长登记表")
                .subtitle(station.name() + " · " + GovDocx.chineseDate(start) + "至" + GovDocx.chineseDate(end))
                .columns(
                        XlsxTable.Column.text(EXPORT_HEADERS.get(0)),
                        XlsxTable.Column.text(EXPORT_HEADERS.get(1), 16),
                        XlsxTable.Column.text(EXPORT_HEADERS.get(2), 22),
                        XlsxTable.Column.number(EXPORT_HEADERS.get(3)),
                        XlsxTable.Column.text(EXPORT_HEADERS.get(4), 24),
                        XlsxTable.Column.text(EXPORT_HEADERS.get(5), 20));
        int count = 0;
        for (S s : counting) {
            RecordSummary r = sums.get(s.recordId());
            ServiceRecordView d = details.get(s.recordId());
            sheet.row(
                    s.name(),
                    s.phone(),
                    time(r.serviceDate(), d),
                    s.hours(),
                    r.title(),
                    d == null || d.place() == null ? "" : d.place());
            count++;
        }
        events.publishEvent(AuditEvent.success(
                "VOLUNTEER_EXPORT", "STATION", station.id(), station.path(), start + "～" + end + " 共 " + count + " 行"));
        return sheet.toBytes();
    }

    /** Place and times of the records (one list query, single reads only for records beyond it). */
    private Map<Long, ServiceRecordView> recordDetails(long stationId, List<Long> ids, LocalDate from, LocalDate to) {
        Map<Long, ServiceRecordView> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        records.list(stationId, ServiceKind.VOLUNTEER_ACTIVITY, from, to).forEach(r -> out.put(r.id(), r));
        for (Long id : ids) {
            if (!out.containsKey(id)) {
                out.put(id, records.get(id, "志愿服务活动"));
            }
        }
        return out;
    }

    private static String time(LocalDate date, ServiceRecordView r) {
        if (r == null || r.startTime() == null) {
            return date.toString();
        }
        return date + " " + r.startTime() + (r.endTime() == null ? "" : "-" + r.endTime());
    }
}
