package cn.sgz.activity.internal;

import cn.sgz.activity.ReceiptView;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.activity.SignInEntryView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.docx.GovDocx;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The paper forms of a service record: 签到表 (name, phone, signature) and 物品领取单 (receiver, goods, quantity,
 * phone, signature), filled in from a record and blank for printing. The filled forms are read through
 * {@link ServiceRecordService#detail} (scoped, phones masked for roles that may not read them) and audited.
 */
@Service
class RecordPapers {

    /** Empty lines under the names on a filled sheet, for latecomers who sign on paper. */
    static final int SPARE_ROWS = 5;

    static final int BLANK_ROWS = 25;

    private final ServiceRecordService records;
    private final ApplicationEventPublisher events;

    RecordPapers(ServiceRecordService records, ApplicationEventPublisher events) {
        this.records = records;
        this.events = events;
    }

    byte[] signInSheet(long id) {
        ServiceRecordService.RecordDetail d = records.detail(id);
        ServiceRecordView r = d.record();
        GovDocx doc = head("签到表", r);
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (SignInEntryView e : d.signIns()) {
            rows.add(List.of(String.valueOf(++n), nz(e.name()), nz(e.phone()), ""));
        }
        doc.tableWithBlankRows(List.of("序号", "姓名", "联系电话", "签名"), rows, SPARE_ROWS, 1, 3, 4, 4);
        doc.note("共 " + rows.size() + " 人签到。");
        doc.signed("记录人（签字）", r.createdByName(), r.serviceDate());
        doc.signed("社工站负责人（签字）", null, null);
        events.publishEvent(AuditEvent.success(
                "EXPORT", ServiceRecordService.OWNER_TYPE, id, r.orgPath(), "签到表 " + rows.size() + "人"));
        return doc.toBytes();
    }

    byte[] receiptSheet(long id) {
        ServiceRecordService.RecordDetail d = records.detail(id);
        ServiceRecordView r = d.record();
        GovDocx doc = head("物品领取单", r);
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (ReceiptView e : d.receipts()) {
            rows.add(List.of(String.valueOf(++n), nz(e.name()), nz(e.item()), nz(e.quantity()), nz(e.phone()), ""));
        }
        doc.tableWithBlankRows(List.of("序号", "领取人", "物品名称", "数量", "联系电话", "领取人签名"), rows, SPARE_ROWS, 1, 3, 4, 2, 4, 3);
        doc.note("共 " + rows.size() + " 人领取。小型物品另附合照或领取照片。");
        doc.signed("发放人（签字）", r.createdByName(), r.serviceDate());
        doc.signed("社工站负责人（签字）", null, null);
        events.publishEvent(AuditEvent.success(
                "EXPORT", ServiceRecordService.OWNER_TYPE, id, r.orgPath(), "物品领取单 " + rows.size() + "人"));
        return doc.toBytes();
    }

    static byte[] blankSignInSheet() {
        GovDocx doc = blankHead("签到表");
        doc.tableWithBlankRows(List.of("序号", "姓名", "联系电话", "签名"), List.of(), BLANK_ROWS, 1, 3, 4, 4);
        doc.signed("记录人（签字）", null, null);
        doc.signed("社工站负责人（签字）", null, null);
        return doc.toBytes();
    }

    static byte[] blankReceiptSheet() {
        GovDocx doc = blankHead("物品领取单");
        doc.tableWithBlankRows(
                List.of("序号", "领取人", "物品名称", "数量", "联系电话", "领取人签名"), List.of(), BLANK_ROWS, 1, 3, 4, 2, 4, 3);
        doc.signed("发放人（签字）", null, null);
        doc.signed("社工站负责人（签字）", null, null);
        return doc.toBytes();
    }

    private static GovDocx head(String title, ServiceRecordView r) {
        GovDocx doc = new GovDocx(false);
        doc.title(title);
        doc.pairs(
                2,
                List.of(
                        new String[] {"活动名称", r.title()},
                        new String[] {"服务类型", r.kind().label()},
                        new String[] {"社工站", nz(r.stationName())},
                        new String[] {"村（社区）", nz(r.orgUnitName())},
                        new String[] {"日期", GovDocx.chineseDate(r.serviceDate())},
                        new String[] {"时间", nz(r.startTime()) + (r.endTime() == null ? "" : "—" + r.endTime())},
                        new String[] {"地点", nz(r.place())},
                        new String[] {"服务社工", nz(r.workers())}));
        return doc;
    }

    private static GovDocx blankHead(String title) {
        GovDocx doc = new GovDocx(false);
        doc.title(title);
        doc.pairs(
                2,
                List.of(
                        new String[] {"活动名称", ""},
                        new String[] {"服务类型", ""},
                        new String[] {"社工站", ""},
                        new String[] {"村（社区）", ""},
                        new String[] {"日期", "______年____月____日"},
                        new String[] {"时间", ""},
                        new String[] {"地点", ""},
                        new String[] {"服务社工", ""}));
        return doc;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
