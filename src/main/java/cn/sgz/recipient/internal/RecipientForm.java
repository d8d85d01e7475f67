package cn.sgz.recipient.internal;

import cn.sgz.recipient.AssistanceSubtype;
import cn.sgz.recipient.ChildSubtype;
import cn.sgz.recipient.DisabilityGrade;
import cn.sgz.recipient.DisabilityType;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.recipient.SubsidyStatus;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a person types (or an import row carries) for one recipient. Gender and birth date may be left
 * out: they are derived from the ID number, and cross-checked when given.
 */
public record RecipientForm(
        Long orgUnitId,
        String name,
        String gender,
        LocalDate birthDate,
        String idNumber,
        String phone,
        String address,
        Set<RecipientCategory> categories,
        AssistanceSubtype assistanceSubtype,
        Set<ElderlyFlag> elderlyFlags,
        Set<ChildSubtype> childSubtypes,
        DisabilityType disabilityType,
        DisabilityGrade disabilityGrade,
        SubsidyStatus subsidyStatus,
        String otherSubtype,
        RiskLevel riskLevel,
        String note) {

    /** The same input with the ID number filled in (an edit that leaves the number blank keeps it). */
    RecipientForm withIdNumber(String id) {
        return new RecipientForm(
                orgUnitId,
                name,
                gender,
                birthDate,
                id,
                phone,
                address,
                categories,
                assistanceSubtype,
                elderlyFlags,
                childSubtypes,
                disabilityType,
                disabilityGrade,
                subsidyStatus,
                otherSubtype,
                riskLevel,
                note);
    }
}
