package cn.sgz.activity;

import cn.sgz.shared.vocabulary.PublicityChannel;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.util.List;

/**
 * What a person types for a service record (create and edit).
 *
 * @param outdoorReason why a gathering held outdoors (indoor unticked) needs no sign-in sheet; without it the
 *     sign-in rule applies
 * @param noGoodsReason why a goods kind (物质帮扶) handed out no goods; without it the receipt rule applies
 * @param publicityChannel where a 宣传展示 was published (required for that kind)
 * @param publicityLink the link of an online publication
 */
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
        List<ParticipantInput> participants,
        String outdoorReason,
        String noGoodsReason,
        PublicityChannel publicityChannel,
        String publicityLink) {

    /**
     * The form without the reasons and publicity fields (callers that record gatherings indoors and goods only where
     * the kind hands them out).
     */
    public RecordForm(
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
        this(
                orgUnitId,
                projectId,
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
                participants,
                null,
                null,
                null,
                null);
    }

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
                participants,
                outdoorReason,
                noGoodsReason,
                publicityChannel,
                publicityLink);
    }

    /** A person served: a ledger id (picked) and/or a typed name. */
    public record ParticipantInput(Long recipientId, String name) {}
}
