package cn.sgz.community.internal;

import java.time.LocalDate;

/**
 * The service record behind an activity, training or supervision, typed together with it. The record is
 * kept by the activity module (photos and sign-in sheets are added on its page /records/{id}).
 *
 * @param orgUnitId the station or one of its rooms (社工室); null: the station itself
 */
public record RecordInput(
        Long orgUnitId,
        String title,
        LocalDate serviceDate,
        String startTime,
        String endTime,
        String place,
        Boolean indoor,
        String workers,
        Integer participantCount,
        String content,
        String outcome,
        String outdoorReason) {

    /** Without a reason: an activity held outdoors then still needs its sign-in sheet. */
    public RecordInput(
            Long orgUnitId,
            String title,
            LocalDate serviceDate,
            String startTime,
            String endTime,
            String place,
            Boolean indoor,
            String workers,
            Integer participantCount,
            String content,
            String outcome) {
        this(
                orgUnitId,
                title,
                serviceDate,
                startTime,
                endTime,
                place,
                indoor,
                workers,
                participantCount,
                content,
                outcome,
                null);
    }
}
