package cn.sgz.charity.internal;

import java.time.LocalDate;

/**
 * A promotion event (推介活动) of a project: either a new CHARITY_PROMOTION service record made from
 * these fields, or ({@code recordId} set) an existing one linked to the project.
 */
public record PromotionForm(
        Long recordId,
        LocalDate serviceDate,
        String title,
        String place,
        Boolean indoor,
        String workers,
        Integer participantCount,
        String content) {}
