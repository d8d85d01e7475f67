package cn.sgz.activity;

import cn.sgz.evidence.QualificationStatus;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;

/** List filters; all optional. {@code mine} limits to records the current user wrote. */
public record RecordFilter(
        Long stationId,
        ServiceKind kind,
        LocalDate from,
        LocalDate to,
        Boolean mine,
        Long createdById,
        QualificationStatus qualification,
        Boolean includeVoided,
        Integer limit,
        Integer offset) {

    public static RecordFilter none() {
        return new RecordFilter(null, null, null, null, null, null, null, null, null, null);
    }
}
