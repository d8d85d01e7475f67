package cn.sgz.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One sum co-raised with a charity organisation into a fund (共募资金). */
public record CoRaisedForm(
        Long fundId, LocalDate receivedOn, BigDecimal amount, String donor, String partnerOrg, String note) {}
