package cn.sgz.progress;

/** Where an indicator stands, for a sub-period or overall. */
public enum IndicatorStatus {
    MET("已达标", "ok"),
    ON_TRACK("进度正常", "ok"),
    AT_RISK("有风险", "warn"),
    MISSED("未达标", "bad"),
    NOT_DUE("未到期", ""),
    NOT_CONNECTED("数据来源尚未接入", ""),
    MANUAL("待评估人判断", ""),
    /** A conditional standard (有条件的社工站可…) not (yet) met: 加分项, never held against the station. */
    BONUS("加分项（未开展不扣分）", "");

    private final String label;
    private final String css;

    IndicatorStatus(String label, String css) {
        this.label = label;
        this.css = css;
    }

    public String label() {
        return label;
    }

    /** CSS modifier of the status tag (ok / warn / bad). */
    public String css() {
        return css;
    }
}
