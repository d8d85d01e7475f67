package cn.sgz.recipient;

import java.time.LocalDate;

/** A follow-up record (回访): visit or phone call, with findings and the risk level before and after. */
public record FollowUpView(
        long id,
        long recipientId,
        String recipientName,
        FollowUpMethod method,
        LocalDate followedOn,
        String findings,
        RiskLevel riskBefore,
        RiskLevel riskAfter,
        String recordedBy,
        Long serviceRecordId) {}
