package cn.sgz.org;

import java.util.List;

/** 承接机构 with the stations it serves. */
public record AgencyView(
        long id, String name, String creditCode, String contactName, String phone, List<Long> stationIds) {}
