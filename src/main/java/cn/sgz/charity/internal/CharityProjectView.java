package cn.sgz.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A charity project with its promotion events (empty in lists). */
public record CharityProjectView(
        long id,
        long stationId,
        String stationName,
        String orgPath,
        Long fundId,
        String fundName,
        String name,
        String goal,
        String content,
        BigDecimal budget,
        LocalDate startDate,
        LocalDate endDate,
        CharityProjectStatus status,
        int promotionCount,
        List<PromotionView> promotions,
        String createdBy,
        OffsetDateTime createdAt,
        long version) {}
