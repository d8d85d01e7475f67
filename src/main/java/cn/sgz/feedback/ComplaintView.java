package cn.sgz.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as an officer (or the agency asked to explain it) sees it. {@code phone} is the full number only
 * for the bureau handling the case; everyone else gets it masked ({@code phoneMasked}).
 */
public record ComplaintView(
        long id,
        String receiptNo,
        FeedbackKind kind,
        long stationId,
        String stationName,
        String content,
        String serviceNamed,
        String workerNamed,
        String phone,
        boolean phoneMasked,
        CaseStatus status,
        OffsetDateTime submittedAt,
        LocalDate replyDueOn,
        boolean overdue,
        String assignee,
        OffsetDateTime assignedAt,
        String explanationRequest,
        OffsetDateTime explanationRequestedAt,
        String explanation,
        String explainedBy,
        OffsetDateTime explainedAt,
        String reply,
        String repliedBy,
        OffsetDateTime repliedAt,
        Integer followupSatisfaction,
        String followupNote,
        OffsetDateTime followedUpAt,
        String closeNote,
        String closedBy,
        OffsetDateTime closedAt,
        List<Long> photoIds,
        List<LogLine> log,
        boolean canHandle,
        boolean canExplain,
        long version) {

    public String kindLabel() {
        return kind.label();
    }

    public String statusLabel() {
        return status.label();
    }

    /** One handling step on the case's timeline. */
    public record LogLine(OffsetDateTime at, String actor, String action, String note) {}
}
