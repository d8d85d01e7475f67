package cn.sgz.recipient;

import java.time.LocalDate;

/** One person on a due list: their roster entry, the current period and where they stand in it. */
public record DueEntry(
        long rosterId,
        long recipientId,
        String name,
        String gender,
        int age,
        String stationName,
        String orgUnitName,
        String phone,
        String address,
        FollowUpFrequency frequency,
        String reason,
        RiskLevel riskLevel,
        LocalDate lastFollowedOn,
        DueStatus status,
        LocalDate periodStart,
        LocalDate periodEnd) {}
