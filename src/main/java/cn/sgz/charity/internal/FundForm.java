package cn.sgz.charity.internal;

import java.time.LocalDate;

/** What a person types to set up (or correct the description of) a fund. */
public record FundForm(
        Long stationId, String name, FundKind kind, String partnerOrg, LocalDate establishedOn, String note) {}
