package cn.sgz.evidence;

/** Why a record does not count, in plain Chinese, with what to do about it. */
public enum ReasonCode {
    NO_PHOTO("没有现场照片", "如无水印照片，将不认定服务次数。请用“水印相机”拍摄现场照片，或上传带拍摄时间和地点的照片。"),
    PHOTO_NO_TIME("照片没有拍摄时间", "该照片不含拍摄时间（常见于微信转发或截图）。请删除它，改用“水印相机”拍摄，或上传手机相册中的原图。"),
    PHOTO_NO_PLACE("照片没有拍摄地点", "水印照片须带时间、地点。该照片不含拍摄地点（常见于关闭了定位或经过转发）。请打开手机定位，用“水印相机”重新拍摄，或上传带地点的原图。"),
    PHOTO_DATE_MISMATCH("照片拍摄日期与服务日期不符", "请核对服务日期是否填错；若日期无误，请删除该照片并上传当天拍摄的照片。"),
    PHOTO_TOO_FAR("照片拍摄地点离服务地点太远", "请核对服务地点（所属社工站/社工室）是否选对；若无误，请删除该照片并上传在服务现场拍摄的照片。"),
    DUPLICATE_PHOTO(
            "使用了重复照片", "不得使用重复照片。该照片与另一条记录中的照片相同（可能经过缩放、压缩、裁剪或加水印）。请删除它并上传本次服务现场拍摄的新照片；确属误判的，可在该照片下方“提出申诉”，由区县民政局裁定。"),
    NO_SIGN_IN("室内活动缺少签到表", "室内组织的活动需提供人员签到表及电话。请在“签到表”中逐一录入参加人员的姓名和电话（可同时上传纸质签到表照片）。"),
    ATTENDEE_PHONE_INVALID("签到人员缺少有效电话", "请为标出的签到人员补填正确的手机号（11位）或带区号的固定电话。"),
    BELOW_MIN_ATTENDEES("参加人数不足", "签到人数少于本项目要求的最低人数。请补录漏登的签到人员，或按要求补足人数重新开展。"),
    NO_RECEIPT("发放物品缺少领取单据", "所有活动发放物品，需提供领取单据。请录入领取人、物品和数量，或上传签字的领取单据照片（小型物品可上传合照或领取照片）。"),
    NO_SCREENSHOT("宣传展示缺少发布截图", "宣传展示以发布截图为佐证。请上传公众号推文、新闻或宣传稿件的截图（宣传栏请上传现场照片），用途选“发布截图”。"),
    NO_PUBLICITY_LINK("宣传展示缺少发布链接", "线上发布的宣传展示须填写发布链接（以 http:// 或 https:// 开头），以便核实。"),
    /** Set by a person, not by the rules: an evaluator's spot check could not confirm the service took place. */
    SPOT_CHECK_FAILED("抽查核实未通过", "评估人员电话或实地抽查未能核实本次服务。请在「评估抽查」中查看评估人的说明并答复；核实情况有误的，由评估人员复核后恢复计入。");

    private final String label;
    private final String fix;

    ReasonCode(String label, String fix) {
        this.label = label;
        this.fix = fix;
    }

    public String label() {
        return label;
    }

    public String fix() {
        return fix;
    }
}
