package cn.sgz.catalog;

import cn.sgz.shared.vocabulary.Labelled;

/**
 * How an AMOUNT indicator combines amounts: total, every event at least the target, at least
 * {@code eventsMin} events of at least the target each (smaller events allowed too), or average per entity.
 */
public enum AmountAggregate implements Labelled {
    SUM("合计"),
    EACH_EVENT("每次不低于"),
    EVENTS_AT_LEAST("达标次数"),
    AVERAGE_PER_ENTITY("人均");

    private final String label;

    AmountAggregate(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static AmountAggregate parse(String text) {
        return Labelled.parse(values(), text);
    }
}
