package cn.sgz.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One line of the co-raised ledger. An inflow has a positive amount; a reversal (冲正) has the negated
 * amount, {@code reversesId} and its reason. {@code reversedById} marks an inflow that has been reversed.
 */
public record CoRaisedView(
        long id,
        long fundId,
        String fundName,
        long stationId,
        String orgPath,
        LocalDate receivedOn,
        BigDecimal amount,
        String donor,
        String partnerOrg,
        String note,
        Long reversesId,
        String reversalReason,
        Long reversedById,
        String createdByName,
        OffsetDateTime createdAt) {

    public boolean reversal() {
        return reversesId != null;
    }

    public boolean reversed() {
        return reversedById != null;
    }
}
