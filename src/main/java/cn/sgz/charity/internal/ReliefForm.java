package cn.sgz.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A relief event (慈善救助): the plan, the fund paying, the service record's date, title and place, and
 * the people (picked from the ledgers) with the amount each receives. Field names match the service
 * record's, so a rule broken there points at the same form field.
 */
public record ReliefForm(
        Long fundId,
        LocalDate serviceDate,
        String title,
        String place,
        String workers,
        String plan,
        List<Line> recipients) {

    /** One person from the ledger, the money given and, optionally, goods handed over with it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReliefFormLine")
    public record Line(Long recipientId, BigDecimal amount, String goods) {}
}
