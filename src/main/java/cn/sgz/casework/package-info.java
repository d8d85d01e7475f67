/**
 * 个案、小组与社区服务: cases with their seven forms (接案记录表、预估表、服务协议、工作计划表、过程记录表、评估表、结案表),
 * groups and community services with plans, sessions and evaluation reports, referrals, exemplary cases
 * confirmed by the bureau, Word exports of the files, and the casework and document facts of the
 * indicator engine. Every session is a service record of the activity module, so it counts only when
 * its evidence qualifies.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"activity", "catalog", "evidence", "org", "progress", "shared"},
        displayName = "个案与小组工作")
package cn.sgz.casework;
