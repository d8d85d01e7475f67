package cn.sgz.recipient;

import java.time.LocalDate;

/** An entry of the follow-up roster (跟踪回访台账). */
public record RosterView(
        long id,
        long recipientId,
        String recipientName,
        FollowUpFrequency frequency,
        String reason,
        LocalDate startedOn,
        LocalDate endedOn,
        boolean active) {}
