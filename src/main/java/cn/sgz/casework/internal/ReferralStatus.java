package cn.sgz.casework.internal;

/** What came of a referral. */
public enum ReferralStatus {
    REFERRED("已转介，待跟进"),
    ACCEPTED("对方已接收"),
    RESOLVED("问题已解决"),
    DECLINED("对方未接收");

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
