package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** 困境儿童 / 留守儿童 / 流动儿童; a child may carry more than one. */
public enum ChildSubtype implements Labelled {
    DIFFICULT("困境儿童"),
    LEFT_BEHIND("留守儿童"),
    MIGRANT("流动儿童");

    private final String label;

    ChildSubtype(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
