package cn.sgz.shared.vocabulary;

/**
 * 台账领域: the ledger (服务对象 category) an indicator counts in, or ALL of them. The same words as a person's
 * {@code recipient.RecipientCategory} (a person may be on several ledgers); subtypes are free text beside it.
 */
public enum LedgerDomain implements Labelled {
    SOCIAL_ASSISTANCE("社会救助对象"),
    ELDERLY("困难老人"),
    CHILD("困境儿童"),
    DISABLED("残疾人"),
    OTHER("其他困境群体"),
    ALL("全部服务对象");

    private final String label;

    LedgerDomain(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static LedgerDomain parse(String text) {
        return Labelled.parse(values(), text);
    }
}
