package cn.sgz.charity.internal;

import cn.sgz.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The charity forms as pages bind them (records, constructor-bound). Amounts arrive as typed text and
 * become numbers in {@code toForm()}, where text that is not a number is a field error.
 */
final class PageForms {

    private PageForms() {}

    record Fund(
            Long stationId,
            String name,
            FundKind kind,
            String partnerOrg,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate establishedOn,
            String note,
            Long version) {
        FundForm toForm() {
            return new FundForm(stationId, name, kind, partnerOrg, establishedOn, note);
        }
    }

    record CoRaised(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            String amount,
            String donor,
            String partnerOrg,
            String note) {
        CoRaisedForm toForm(long fundId) {
            return new CoRaisedForm(fundId, receivedOn, Money.parse("amount", "共募金额", amount), donor, partnerOrg, note);
        }
    }

    record Project(
            Long stationId,
            Long fundId,
            String name,
            String goal,
            String content,
            String budget,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            CharityProjectStatus status,
            Long version) {
        CharityProjectForm toForm() {
            return new CharityProjectForm(
                    stationId,
                    fundId,
                    name,
                    goal,
                    content,
                    Money.parse("budget", "项目预算", budget),
                    startDate,
                    endDate,
                    status);
        }
    }

    record Promotion(
            Long recordId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceDate,
            String title,
            String place,
            Boolean indoor,
            String workers,
            Integer participantCount,
            String content) {
        PromotionForm toForm() {
            // an unticked checkbox sends nothing: on the page that means "not indoors"
            return new PromotionForm(
                    recordId,
                    serviceDate,
                    title,
                    place,
                    Boolean.TRUE.equals(indoor),
                    workers,
                    participantCount,
                    content);
        }
    }

    record Relief(
            Long fundId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceDate,
            String title,
            String place,
            String workers,
            String plan) {
        ReliefForm toForm() {
            return new ReliefForm(fundId, serviceDate, title, place, workers, plan, List.of());
        }
    }

    record Line(Long recipientId, String amount, String goods) {
        ReliefForm.Line toLine() {
            return new ReliefForm.Line(recipientId, Money.parse("amount", "救助金额", amount), goods);
        }
    }
}
