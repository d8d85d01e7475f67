package cn.sgz.casework.internal;

import static cn.sgz.casework.internal.FieldSpec.area;
import static cn.sgz.casework.internal.FieldSpec.date;
import static cn.sgz.casework.internal.FieldSpec.number;
import static cn.sgz.casework.internal.FieldSpec.select;
import static cn.sgz.casework.internal.FieldSpec.text;

import java.util.List;

/**
 * The forms of a complete file as the seeds name them: 个案接案记录表、预估表、服务协议、工作计划表、过程记录表、
 * 评估表、结案表; 小组服务计划书、单元计划书、过程记录表、评估总结报告; 社区服务计划书、过程记录表、评估总结报告.
 * {@code documentName} is the name DOCUMENT indicators of the built-in catalogs use.
 */
public enum FormType {
    INTAKE(
            "CASE",
            "个案接案记录表",
            List.of(
                    date("intakeDate", "接案日期"),
                    select("source", "个案来源", "主动求助", "社区/村委转介", "社工外展发现", "入户评估发现", "其他机构转介", "其他"),
                    area("basicInfo", "案主基本情况", true, "性别、年龄、居住情况、经济来源、健康状况等"),
                    area("family", "家庭情况及社会支持", false, "家庭结构、主要照顾者、亲友邻里支持"),
                    area("problem", "问题描述", true, "案主面临的主要困难或问题"),
                    area("initialNeeds", "案主初步需求", false, null),
                    area("intakeOpinion", "接案意见", true, "是否符合接案条件、由谁跟进"))),
    ASSESSMENT(
            "CASE",
            "预估表",
            List.of(
                    date("assessDate", "预估日期"),
                    area("needs", "需求分析", true, "生理、心理、社会、经济等方面的需求"),
                    area("strengths", "优势与资源", true, "案主自身优势、家庭及社区可利用的资源"),
                    area("problemAnalysis", "问题成因分析", false, null),
                    select("riskLevel", "风险等级", "低", "中", "高"),
                    area("conclusion", "预估结论", true, "需优先处理的问题与服务方向"))),
    AGREEMENT(
            "CASE",
            "服务协议",
            List.of(
                    date("signDate", "签订日期"),
                    text("signer", "签署人", true),
                    select("signerRelation", "签署人与案主关系", "本人", "监护人", "其他家属"),
                    area("services", "服务目标与内容", true, "双方商定的服务目标、服务方式与频次"),
                    text("period", "服务期限", true),
                    area("duties", "双方权利与义务", false, "如：社工按约定提供服务并保密；案主如实提供信息、按约定参与"),
                    area("confidentiality", "保密约定与例外", false, null))),
    PLAN(
            "CASE",
            "工作计划表",
            List.of(
                    date("planDate", "制定日期"),
                    area("overallGoal", "服务总目标", true, null),
                    area("goals", "具体目标", true, "每行一个目标，便于评估时逐条对照"),
                    area("strategy", "介入策略与理论依据", true, "如：优势视角、社会支持网络理论、危机介入模式"),
                    area("measures", "具体措施与时间安排", true, "按节次或阶段写明措施"),
                    number("plannedSessions", "计划服务节数", "1～50"),
                    area("evaluationMethod", "评估方法", false, null))),
    EVALUATION(
            "CASE",
            "评估表",
            List.of(
                    date("evalDate", "评估日期"),
                    area("goalsMet", "目标达成情况", true, "逐条对照工作计划表的具体目标"),
                    area("before", "服务前状况", true, null),
                    area("after", "服务后变化", true, null),
                    area("clientFeedback", "案主反馈", false, null),
                    select("method", "评估方法", "前后测对比", "案主自评", "社工观察", "多方评估"),
                    area("workerSummary", "社工评估意见", true, null))),
    CLOSURE(
            "CASE",
            "结案表",
            List.of(
                    date("closeDate", "结案日期"),
                    select("reason", "结案原因", "服务目标达成", "案主要求结案", "已转介其他机构", "案主迁离或失联", "其他"),
                    area("summary", "服务总结", true, "服务过程回顾与成效"),
                    area("followUp", "跟进安排", true, "结案后回访时间与方式"),
                    area("clientOpinion", "案主意见", false, null))),
    CASE_PROCESS(
            "CASE",
            "过程记录表",
            List.of(
                    area("sessionGoal", "本节目标", true, null),
                    area("process", "服务过程", true, "本节服务的主要内容与经过"),
                    area("outcome", "服务成效", true, null),
                    area("reflection", "社工反思", false, null),
                    area("nextPlan", "下节计划", false, null))),
    GROUP_PLAN(
            "GROUP",
            "小组服务计划书",
            List.of(
                    date("planDate", "制定日期"),
                    area("background", "小组背景与需求分析", true, null),
                    area("theory", "理论依据", false, null),
                    area("goals", "小组目标", true, "总目标与具体目标"),
                    area("members", "组员构成与招募", true, "组员条件、人数、招募方式；可附组员名单"),
                    number("plannedSessions", "计划节数", "1～50"),
                    area("schedule", "时间与地点安排", true, null),
                    area("staffing", "工作人员分工", false, null),
                    area("risks", "预估困难与应对", false, null),
                    area("evaluationMethod", "评估方法", false, null))),
    UNIT_PLAN(
            "GROUP",
            "单元计划书",
            List.of(
                    text("theme", "本节主题", true),
                    area("goals", "本节目标", true, null),
                    date("plannedDate", "计划日期"),
                    area("activities", "活动内容与流程", true, "暖身、主体活动、分享、总结及所需时间"),
                    area("materials", "物资准备", false, null),
                    area("notes", "注意事项", false, null))),
    GROUP_PROCESS(
            "GATHERING",
            "过程记录表",
            List.of(
                    area("sessionGoal", "本节目标", true, null),
                    area("process", "活动过程", true, null),
                    area("interaction", "参与者表现与互动", false, null),
                    area("outcome", "活动成效", true, null),
                    area("reflection", "社工反思", false, null),
                    area("nextPlan", "下一步计划", false, null))),
    GROUP_EVALUATION(
            "GROUP",
            "评估总结报告",
            List.of(
                    date("evalDate", "评估日期"),
                    area("goalsMet", "目标达成情况", true, null),
                    area("memberChanges", "组员前后变化", true, null),
                    area("feedback", "组员反馈与满意度", false, null),
                    area("summary", "总结与反思", true, null),
                    area("followUp", "后续跟进", false, null))),
    COMMUNITY_PLAN(
            "COMMUNITY",
            "社区服务计划书",
            List.of(
                    date("planDate", "制定日期"),
                    area("background", "服务背景与居民需求", true, null),
                    area("goals", "服务目标", true, null),
                    area("targets", "服务对象与规模", true, null),
                    area("content", "服务内容与流程", true, null),
                    area("schedule", "时间与地点安排", true, null),
                    area("partners", "合作方与资源", false, "如社区“两委”、社区社会组织、志愿者"),
                    area("budget", "经费预算", false, null),
                    area("evaluationMethod", "评估方法", false, null))),
    COMMUNITY_EVALUATION(
            "COMMUNITY",
            "评估总结报告",
            List.of(
                    date("evalDate", "评估日期"),
                    area("goalsMet", "目标达成情况", true, null),
                    area("participation", "居民参与情况", true, null),
                    area("effects", "服务成效", true, null),
                    area("feedback", "居民反馈", false, null),
                    area("summary", "总结与反思", true, null)));

    private final String owner;
    private final String documentName;
    private final List<FieldSpec> fields;

    FormType(String owner, String documentName, List<FieldSpec> fields) {
        this.owner = owner;
        this.documentName = documentName;
        this.fields = List.copyOf(fields);
    }

    /** The name of the form as the bureau's file list and the DOCUMENT indicators call it. */
    public String documentName() {
        return documentName;
    }

    public String label() {
        return documentName;
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /** "CASE", "GROUP", "COMMUNITY"; GROUP_PROCESS serves both groups and community services. */
    public boolean belongsTo(String ownerType) {
        return owner.equals(ownerType) || ("GATHERING".equals(owner) && !"CASE".equals(ownerType));
    }

    /** Process records are written with their session, not on their own. */
    public boolean sessionForm() {
        return this == CASE_PROCESS || this == GROUP_PROCESS;
    }

    /** Case forms in the order of the file. */
    public static final List<FormType> CASE_FILE =
            List.of(INTAKE, ASSESSMENT, AGREEMENT, PLAN, CASE_PROCESS, EVALUATION, CLOSURE);
}
