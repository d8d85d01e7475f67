package cn.sgz.feedback;

/** How many cases of a kind a station received in a month, how many are still open and overdue. */
public record ComplaintStats(
        long stationId,
        String stationName,
        String month,
        FeedbackKind kind,
        long received,
        long open,
        long overdue,
        long closed,
        Double followupSatisfaction) {

    public String kindLabel() {
        return kind.label();
    }
}
