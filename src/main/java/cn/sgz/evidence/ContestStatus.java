package cn.sgz.evidence;

/** The state of a contest of a duplicate-photo finding (重复照片申诉). */
public enum ContestStatus {
    PENDING("待区县民政局裁定"),
    UPHELD("申诉成立，照片恢复为有效佐证"),
    REJECTED("申诉未通过，仍认定为重复照片");

    private final String label;

    ContestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
