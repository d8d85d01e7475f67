package cn.sgz.recipient.internal;

import cn.sgz.recipient.DisabilityGrade;
import cn.sgz.recipient.DisabilityType;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.recipient.SubsidyStatus;
import java.time.LocalDate;
import java.util.List;

/** A validated, normalized recipient ready to be written (the ID number is still in clear here). */
record RecipientData(
        String name,
        String gender,
        LocalDate birthDate,
        String idNumber,
        String phone,
        String address,
        List<CategoryRow> categories,
        DisabilityType disabilityType,
        DisabilityGrade disabilityGrade,
        SubsidyStatus subsidyStatus,
        RiskLevel riskLevel,
        String note) {}
