package cn.sgz.feedback;

import java.time.LocalDate;

/** A case whose reply deadline has passed, for the bureau's home page. No personal data. */
public record OverdueCase(
        long id, String receiptNo, FeedbackKind kind, String stationName, LocalDate replyDueOn, long daysOverdue) {

    public String kindLabel() {
        return kind.label();
    }
}
