package cn.sgz.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A fund with its money: {@code coRaised} is the net of co-raised entries (reversals subtracted),
 * {@code reliefPaid} what relief events paid from it (voided relief records excluded), and
 * {@code balance} the difference.
 */
public record FundView(
        long id,
        long stationId,
        String stationName,
        String orgPath,
        String name,
        FundKind kind,
        String partnerOrg,
        LocalDate establishedOn,
        FundStatus status,
        LocalDate closedOn,
        String closeReason,
        String note,
        BigDecimal coRaised,
        BigDecimal reliefPaid,
        BigDecimal balance,
        String createdBy,
        OffsetDateTime createdAt,
        long version) {}
