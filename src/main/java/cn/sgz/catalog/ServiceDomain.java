package cn.sgz.catalog;

/** The ledger (服务对象 category) an indicator counts in; subtypes are free text beside it. */
public enum ServiceDomain implements Labelled {
    SOCIAL_ASSISTANCE("社会救助对象"),
    ELDERLY("困难老人"),
    CHILD("困境儿童"),
    DISABLED("残疾人"),
    OTHER("其他困境群体"),
    ALL("全部服务对象");

    private final String label;

    ServiceDomain(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static ServiceDomain parse(String text) {
        return Labelled.parse(values(), text);
    }
}
