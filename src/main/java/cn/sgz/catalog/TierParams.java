package cn.sgz.catalog;

/**
 * The numeric parameters of an indicator for one funding tier, where the catalog gives them per tier (a higher
 * tier asking for more sessions per case, more attendees, more certified staff …). Null: the indicator's
 * single value applies.
 */
public record TierParams(Integer sessionsEach, Integer attendeesPerSession, Integer certifiedMin, Integer eventsMin) {

    public boolean isEmpty() {
        return sessionsEach == null && attendeesPerSession == null && certifiedMin == null && eventsMin == null;
    }
}
