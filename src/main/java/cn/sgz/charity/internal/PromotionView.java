package cn.sgz.charity.internal;

import java.time.LocalDate;

/** A promotion event: its service record and whether that record counts (and why not). */
public record PromotionView(
        long id,
        long projectId,
        long recordId,
        String title,
        LocalDate promotedOn,
        int participantCount,
        boolean counts,
        boolean voided,
        String whyNot) {}
