package cn.sgz.activity.internal;

import cn.sgz.activity.RecordFilter;
import cn.sgz.activity.RecordTotals;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.excel.XlsxTable;
import cn.sgz.shared.excel.XlsxTable.Column;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record list as Excel (issue #16 item 6): the same filter as the list page, every matching record within the
 * user's scope (not one page), each with its 计入/不计入 and the reasons. Written to the audit trail.
 */
@Service
class RecordExport {

    /** More than a county's year of records; beyond it the user narrows the filter. */
    static final int MAX_ROWS = 20_000;

    private final ServiceRecordService records;
    private final ApplicationEventPublisher events;

    RecordExport(ServiceRecordService records, ApplicationEventPublisher events) {
        this.records = records;
        this.events = events;
    }

    @Transactional(readOnly = true)
    byte[] xlsx(RecordFilter f) {
        RecordFilter all = new RecordFilter(
                f.stationId(),
                f.kind(),
                f.from(),
                f.to(),
                f.mine(),
                f.createdById(),
                f.qualification(),
                f.includeVoided(),
                null,
                null);
        RecordTotals totals = records.totals(all);
        if (totals.total() > MAX_ROWS) {
            throw BusinessException.field(
                    "from", "符合条件的服务记录有 " + totals.total() + " 条，超过一次导出的上限 " + MAX_ROWS + " 条，请缩小日期范围或选择社工站");
        }
        List<ServiceRecordView> rows = records.list(all);
        String period = f.from() == null && f.to() == null
                ? ""
                : " · " + (f.from() == null ? "" : chinese(f.from())) + "至" + (f.to() == null ? "" : chinese(f.to()));
        XlsxTable.SheetBuilder sheet = XlsxTable.sheet("服务记录")
                .title("服务记录")
                .subtitle(XlsxTable.asOf(
                                rows.stream()
                                                        .map(ServiceRecordView::stationName)
                                                        .distinct()
                                                        .count()
                                                == 1
                                        ? rows.get(0).stationName()
                                        : null,
                                ChinaTime.today())
                        + period
                        + " · 共 " + totals.total() + " 条，计入 " + totals.counting() + " 条，不计入 " + totals.excluded()
                        + " 条")
                .columns(
                        Column.seq(),
                        Column.date("服务日期"),
                        Column.text("时间", 12),
                        Column.text("服务类型", 10),
                        Column.text("服务领域", 10),
                        Column.text("标题", 28),
                        Column.text("社工站/社工室", 18),
                        Column.text("服务地点", 18),
                        Column.text("服务社工", 12),
                        Column.integer("服务人数"),
                        Column.text("服务对象", 24),
                        Column.text("认定", 8),
                        Column.text("不计入原因", 36),
                        Column.text("登记人", 10));
        int n = 0;
        for (ServiceRecordView r : rows) {
            String time = r.startTime() == null || r.startTime().isBlank()
                    ? ""
                    : r.startTime() + (r.endTime() == null || r.endTime().isBlank() ? "" : "-" + r.endTime());
            sheet.row(
                    ++n,
                    r.serviceDate(),
                    time,
                    r.kind().label(),
                    r.domain() == null ? "" : r.domain().label(),
                    r.title(),
                    r.orgUnitName() == null ? r.stationName() : r.orgUnitName(),
                    r.place() == null ? "" : r.place(),
                    r.workers() == null ? "" : r.workers(),
                    r.participantCount(),
                    r.participants().stream()
                            .map(ServiceRecordView.Participant::name)
                            .collect(Collectors.joining("、")),
                    r.voided() ? "已作废" : r.counts() ? "计入" : "不计入",
                    r.counts() || r.voided()
                            ? ""
                            : r.reasons().stream().map(x -> x.label()).collect(Collectors.joining("；")),
                    r.createdByName());
        }
        byte[] bytes = sheet.toBytes();
        events.publishEvent(AuditEvent.success("EXPORT", "SERVICE_RECORD", null, null, "服务记录 " + rows.size() + "条"));
        return bytes;
    }

    private static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
