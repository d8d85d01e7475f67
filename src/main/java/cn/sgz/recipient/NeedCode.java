package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** The needs checklist of a home assessment; aggregated into the station's needs list (需求清单). */
public enum NeedCode implements Labelled {
    DAILY_CARE("生活照料"),
    MEDICAL("医疗康复"),
    ECONOMIC("经济救助"),
    PSYCHOLOGICAL("心理疏导/精神慰藉"),
    POLICY("政策咨询与申请"),
    HOUSING("住房改善/适老化改造"),
    EMPLOYMENT("就业帮扶"),
    EDUCATION("教育/课业辅导"),
    GUARDIANSHIP("监护支持"),
    SAFETY("安全防护"),
    LEGAL("法律援助"),
    SOCIAL("社会交往"),
    DISABILITY_SUBSIDY("两项补贴申请"),
    REHABILITATION("康复服务");

    private final String label;

    NeedCode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
