package cn.sgz.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The plan of a charity project: name, goal, content, budget and period; the fund is optional. */
public record CharityProjectForm(
        Long stationId,
        Long fundId,
        String name,
        String goal,
        String content,
        BigDecimal budget,
        LocalDate startDate,
        LocalDate endDate,
        CharityProjectStatus status) {}
