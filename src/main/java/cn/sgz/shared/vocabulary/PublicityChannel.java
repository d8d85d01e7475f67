package cn.sgz.shared.vocabulary;

/**
 * 发布渠道 of a 宣传展示 record (seeds: 微信公众号、其他媒体渠道、线下宣传栏、线上宣传平台、宣传展示稿件). An online channel
 * needs the link of the publication; every channel needs a screenshot (or, for a 宣传栏, a photo of it).
 */
public enum PublicityChannel implements Labelled {
    WECHAT("微信公众号", true, "公众号"),
    NEWS_MEDIA("新闻媒体", true, "新闻信息", "新闻"),
    ONLINE_PLATFORM("线上宣传平台", true, "网站"),
    NOTICE_BOARD("宣传栏", false, "线下宣传栏"),
    OTHER("其他渠道", false);

    private final String label;
    private final boolean online;
    private final java.util.List<String> synonyms;

    PublicityChannel(String label, boolean online, String... synonyms) {
        this.label = label;
        this.online = online;
        this.synonyms = java.util.List.of(synonyms);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public java.util.List<String> synonyms() {
        return synonyms;
    }

    /** Published online: the record must carry the link. */
    public boolean online() {
        return online;
    }

    public static PublicityChannel parse(String text) {
        return Labelled.parse(values(), text);
    }
}
