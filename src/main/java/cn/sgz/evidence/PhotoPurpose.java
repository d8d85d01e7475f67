package cn.sgz.evidence;

/** What a photo shows. Only scene photos are checked for capture time and place. */
public enum PhotoPurpose {
    SCENE("活动现场照片"),
    SIGN_IN_SHEET("纸质签到表照片"),
    RECEIPT("领取单据照片"),
    /** 宣传展示: a screenshot of the publication; its capture time and place are not checked. */
    SCREENSHOT("发布截图");

    private final String label;

    PhotoPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
