package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** 社会救助对象 subtypes. */
public enum AssistanceSubtype implements Labelled {
    DIBAO("低保"),
    LOW_INCOME("低收入"),
    TEKUN("特困"),
    TEMPORARY("临时救助");

    private final String label;

    AssistanceSubtype(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
