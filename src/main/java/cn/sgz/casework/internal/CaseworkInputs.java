package cn.sgz.casework.internal;

import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.util.Map;

/** What people type for casework: one record per action, fields of forms as key → text. */
public final class CaseworkInputs {

    private CaseworkInputs() {}

    /** Opening a case is filling in its 接案记录表 for a ledger person. */
    public record NewCase(
            Long stationId, Long recipientId, LedgerDomain domain, String title, Map<String, String> intake) {}

    /** Opening a group or community service is filling in its plan. */
    public record NewGroup(Long stationId, String name, LedgerDomain domain, Map<String, String> plan) {}

    /**
     * A session: the service record's date, time and place, the 过程记录表 fields and, optionally, the
     * sign-in sheet typed as lines "姓名 电话" (kept as the record's sign-in entries).
     */
    public record NewSession(
            LocalDate serviceDate,
            String startTime,
            String endTime,
            String place,
            Integer unitSeq,
            Map<String, String> fields,
            String attendance) {}

    /** A photo sent with a form (scene photo of a session, signed agreement page, on-screen signature). */
    public record PhotoFile(String name, long size, java.io.InputStream content) {}

    public record NewReferral(
            String organisation, String resource, String reason, String contact, LocalDate referredOn) {}

    public record ReferralFollowUp(ReferralStatus status, String note) {}
}
