package cn.sgz.activity;

import cn.sgz.evidence.Qualification;
import cn.sgz.evidence.QualificationStatus;
import cn.sgz.shared.vocabulary.PublicityChannel;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A service record as pages, the API and other modules see it, with its stored qualification. */
public record ServiceRecordView(
        long id,
        long stationId,
        String stationName,
        long orgUnitId,
        String orgUnitName,
        String orgPath,
        Long projectId,
        ServiceKind kind,
        ServiceField domain,
        String title,
        LocalDate serviceDate,
        String startTime,
        String endTime,
        String place,
        boolean indoor,
        boolean distributesGoods,
        Double siteLatitude,
        Double siteLongitude,
        String workers,
        int participantCount,
        String content,
        String outcome,
        QualificationStatus qualification,
        List<Qualification.Reason> reasons,
        OffsetDateTime qualifiedAt,
        RecordStatus status,
        String voidReason,
        OffsetDateTime voidedAt,
        String voidedBy,
        long createdById,
        String createdByName,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version,
        List<Participant> participants,
        String outdoorReason,
        String noGoodsReason,
        PublicityChannel publicityChannel,
        String publicityLink,
        LocalDate platformEnteredOn,
        String platformRef) {

    /** 已录入全国平台: the worker marked the record as entered in the national platform (with the date). */
    public boolean platformEntered() {
        return platformEnteredOn != null;
    }

    /** The rules the worker relaxed, each with the reason given (shown on the record page and to the bureau). */
    public List<String> relaxations() {
        return cn.sgz.evidence.EvidenceFacts.relaxations(kind, indoor, outdoorReason, distributesGoods, noGoodsReason);
    }

    public boolean counts() {
        return status == RecordStatus.ACTIVE && qualification == QualificationStatus.COUNTS;
    }

    public boolean voided() {
        return status == RecordStatus.VOIDED;
    }

    /** A person served: the ledger id (a plain number owned by the recipient module) and a name snapshot. */
    public record Participant(long id, Long recipientId, String name) {}
}
