package cn.sgz.recipient;

import java.time.LocalDate;

/** Published when a follow-up is recorded, for modules that count visits toward indicators. */
public record FollowUpRecorded(
        long followUpId, long recipientId, long stationId, FollowUpMethod method, LocalDate followedOn) {}
