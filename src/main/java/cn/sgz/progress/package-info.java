/**
 * 指标进度: the indicator engine. Turns a project's indicators into MET / ON_TRACK / AT_RISK / MISSED /
 * NOT_DUE per station and sub-period, from small aggregate tables that the data modules provide
 * through the fact-source interfaces of this package. A module that is not built yet simply provides
 * no source, and its indicators say “数据来源尚未接入” instead of a fake zero.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "evidence", "org", "shared"},
        displayName = "指标进度")
package cn.sgz.progress;
