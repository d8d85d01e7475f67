package cn.sgz.recipient;

import java.time.LocalDate;
import java.util.List;

/**
 * A recipient as pages, the API and other modules see it. The ID number is always masked here
 * (110105********002X); the full number is only returned by the audited unmask action.
 */
public record RecipientView(
        long id,
        long stationId,
        String stationName,
        long orgUnitId,
        String orgUnitName,
        String name,
        String gender,
        LocalDate birthDate,
        int age,
        String maskedIdNumber,
        String phone,
        String address,
        List<Category> categories,
        DisabilityType disabilityType,
        DisabilityGrade disabilityGrade,
        SubsidyStatus subsidyStatus,
        RiskLevel riskLevel,
        RecipientStatus status,
        LocalDate statusDate,
        LocalDate lastAssessedOn,
        String note,
        long version) {

    /** One category with its subtype (社会救助/其他) or flags (老人8类/儿童), and a Chinese description. */
    public record Category(RecipientCategory category, String subtype, List<String> flags, String label) {}

    public boolean in(RecipientCategory category) {
        return categories.stream().anyMatch(c -> c.category() == category);
    }

    public String categoryLabels() {
        return String.join("；", categories.stream().map(Category::label).toList());
    }
}
