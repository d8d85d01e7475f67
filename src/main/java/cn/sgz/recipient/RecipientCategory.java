package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** The groups the seed catalogs keep a ledger for; a person may belong to several. */
public enum RecipientCategory implements Labelled {
    SOCIAL_ASSISTANCE("社会救助对象"),
    ELDERLY("困难老人"),
    CHILD("困境儿童"),
    DISABLED("残疾人"),
    OTHER("其他困境群体");

    private final String label;

    RecipientCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
