/**
 * 组织与账号: the org tree (materialized path), agencies, station staff, user accounts, roles, API
 * tokens and the one scope mechanism every module asks before reading or writing.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared"},
        displayName = "组织与账号")
package cn.sgz.org;
