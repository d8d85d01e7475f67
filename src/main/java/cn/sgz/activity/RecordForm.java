package cn.sgz.activity;

import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.util.List;

/** What a person types for a service record (create and edit). */
public record RecordForm(
        Long orgUnitId,
        Long projectId,
        ServiceKind kind,
        ServiceField domain,
        String title,
        LocalDate serviceDate,
        String startTime,
        String endTime,
        String place,
        Boolean indoor,
        Boolean distributesGoods,
        String workers,
        Integer participantCount,
        String content,
        String outcome,
        List<ParticipantInput> participants) {

    /** The same form tied to a project (the one the service was done under). */
    public RecordForm withProject(Long project) {
        return new RecordForm(
                orgUnitId,
                project,
                kind,
                domain,
                title,
                serviceDate,
                startTime,
                endTime,
                place,
                indoor,
                distributesGoods,
                workers,
                participantCount,
                content,
                outcome,
                participants);
    }

    /** A person served: a ledger id (picked) and/or a typed name. */
    public record ParticipantInput(Long recipientId, String name) {}
}
