package cn.sgz.shared.vocabulary;

/**
 * 服务领域: the field of work a service record belongs to (a record of 社区治理 or 慈善事业 serves no ledger).
 * Not to be confused with {@link LedgerDomain}, the ledger of people an indicator counts in; {@link #ledger()}
 * maps one onto the other.
 */
public enum ServiceField implements Labelled {
    SOCIAL_ASSISTANCE("社会救助", LedgerDomain.SOCIAL_ASSISTANCE),
    ELDERLY("养老服务", LedgerDomain.ELDERLY),
    CHILDREN("儿童关爱", LedgerDomain.CHILD),
    DISABILITY("残疾人服务", LedgerDomain.DISABLED),
    COMMUNITY_GOVERNANCE("社区治理", LedgerDomain.OTHER),
    CHARITY("慈善事业", LedgerDomain.OTHER),
    VOLUNTEER("志愿服务", LedgerDomain.OTHER),
    OTHER("其他", LedgerDomain.OTHER);

    private final String label;
    private final LedgerDomain ledger;

    ServiceField(String label, LedgerDomain ledger) {
        this.label = label;
        this.ledger = ledger;
    }

    @Override
    public String label() {
        return label;
    }

    /** The ledger whose indicators count a record of this field. */
    public LedgerDomain ledger() {
        return ledger;
    }

    public static ServiceField parse(String text) {
        return Labelled.parse(values(), text);
    }
}
