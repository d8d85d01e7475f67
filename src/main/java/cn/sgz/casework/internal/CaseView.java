package cn.sgz.casework.internal;

import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case as lists, pages and the API see it. The client is a ledger person (recipientId) whose name
 * and hint (village and masked ID) were copied when the case was opened; never a full ID number.
 */
public record CaseView(
        long id,
        String code,
        long stationId,
        String stationName,
        String orgPath,
        Long projectId,
        long recipientId,
        String clientName,
        String clientHint,
        LedgerDomain domain,
        String title,
        CaseStage stage,
        long workerId,
        String workerName,
        LocalDate openedOn,
        LocalDate closedOn,
        String closureSubmittedBy,
        OffsetDateTime closureSubmittedAt,
        String closureDecidedBy,
        OffsetDateTime closureDecidedAt,
        String closureNote,
        LocalDate lastSessionOn,
        int sessions,
        long version) {

    public CaseView withStationName(String name) {
        return new CaseView(
                id,
                code,
                stationId,
                name,
                orgPath,
                projectId,
                recipientId,
                clientName,
                clientHint,
                domain,
                title,
                stage,
                workerId,
                workerName,
                openedOn,
                closedOn,
                closureSubmittedBy,
                closureSubmittedAt,
                closureDecidedBy,
                closureDecidedAt,
                closureNote,
                lastSessionOn,
                sessions,
                version);
    }

    public String stageLabel() {
        return stage.label();
    }

    public String domainLabel() {
        return domain.label();
    }
}
