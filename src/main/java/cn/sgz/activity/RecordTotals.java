package cn.sgz.activity;

/** The size of a filtered record list and how many of its records count or are excluded (voided: neither). */
public record RecordTotals(long total, long counting, long excluded) {}
