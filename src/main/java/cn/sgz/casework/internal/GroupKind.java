package cn.sgz.casework.internal;

import cn.sgz.shared.vocabulary.ServiceKind;

/**
 * Groups (小组) and community services (社区服务) share one shape — plan, sessions, evaluation report —
 * and differ in their forms, the kind of service record a session is, and whether sessions have unit
 * plans and a minimum attendance.
 */
public enum GroupKind {
    GROUP("小组", "XZ", ServiceKind.GROUP_SESSION, FormType.GROUP_PLAN, FormType.GROUP_EVALUATION, true),
    COMMUNITY(
            "社区服务", "SQ", ServiceKind.COMMUNITY_SERVICE, FormType.COMMUNITY_PLAN, FormType.COMMUNITY_EVALUATION, false);

    private final String label;
    private final String codePrefix;
    private final ServiceKind recordKind;
    private final FormType planForm;
    private final FormType evaluationForm;
    private final boolean unitPlans;

    GroupKind(
            String label,
            String codePrefix,
            ServiceKind recordKind,
            FormType planForm,
            FormType evaluationForm,
            boolean unitPlans) {
        this.label = label;
        this.codePrefix = codePrefix;
        this.recordKind = recordKind;
        this.planForm = planForm;
        this.evaluationForm = evaluationForm;
        this.unitPlans = unitPlans;
    }

    public String label() {
        return label;
    }

    public String codePrefix() {
        return codePrefix;
    }

    public ServiceKind recordKind() {
        return recordKind;
    }

    public FormType planForm() {
        return planForm;
    }

    public FormType evaluationForm() {
        return evaluationForm;
    }

    /** Groups plan each session (单元计划书) and need a minimum attendance; community services do not. */
    public boolean unitPlans() {
        return unitPlans;
    }

    /** Path segment of pages and API: /groups, /community-services. */
    public String path() {
        return this == GROUP ? "groups" : "community-services";
    }
}
