package cn.sgz.recipient;

import java.time.LocalDate;
import java.util.List;

/** A home needs assessment (入户需求评估 / 入户调查记录表): one dated visit record. */
public record AssessmentView(
        long id,
        long recipientId,
        String recipientName,
        long stationId,
        LocalDate assessedOn,
        String assessor,
        String economy,
        String housing,
        String health,
        String care,
        List<NeedCode> needs,
        String needsText,
        String strengths,
        RiskLevel riskLevel,
        List<ElderlyFlag> elderlyFlags,
        String childGuardianship,
        String childCare,
        String childSchooling,
        RiskLevel childSafetyRisk,
        Long serviceRecordId) {

    public String needLabels() {
        return String.join("、", needs.stream().map(NeedCode::label).toList());
    }
}
