package cn.sgz.catalog;

import cn.sgz.shared.vocabulary.Labelled;

/** The sub-period an indicator's target applies to: per month, quarter, half year, year, or the whole project period. */
public enum SubPeriod implements Labelled {
    MONTH("每月"),
    QUARTER("每季度"),
    HALF("每半年"),
    YEAR("每年"),
    PROJECT("项目期内");

    private final String label;

    SubPeriod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static SubPeriod parse(String text) {
        return Labelled.parse(values(), text);
    }
}
