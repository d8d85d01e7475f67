package cn.sgz.casework.internal;

import java.time.LocalDate;

/** 转介: the organisation or resource a case was referred to, why, and what came of it. */
public record ReferralView(
        long id,
        long caseId,
        String organisation,
        String resource,
        String reason,
        String contact,
        LocalDate referredOn,
        ReferralStatus status,
        String followUp,
        LocalDate followedOn,
        String createdBy) {}
