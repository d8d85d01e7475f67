package cn.sgz.casework.internal;

import cn.sgz.activity.PersonHistorySource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** A person's cases for their page: when each was opened and, if it was, closed; stage and sessions. */
@Component
class CaseHistory implements PersonHistorySource {

    private final CaseStore cases;
    private final CaseService caseService;
    private final CaseworkAccess access;

    CaseHistory(CaseStore cases, CaseService caseService, CaseworkAccess access) {
        this.cases = cases;
        this.caseService = caseService;
        this.access = access;
    }

    @Override
    public List<PersonEvent> eventsOf(long recipientId) {
        List<PersonEvent> out = new ArrayList<>();
        for (CaseView c : caseService.named(cases.ofRecipient(access.scope(), recipientId))) {
            String detail = (c.stationName() == null ? "" : c.stationName() + " · ") + "社工 " + c.workerName()
                    + " · 已服务 " + c.sessions() + " 节";
            out.add(new PersonEvent(
                    c.openedOn(),
                    "个案接案",
                    c.code() + " " + c.title(),
                    detail,
                    c.stage().label(),
                    c.stage() == CaseStage.CLOSED ? Boolean.TRUE : null,
                    "/cases/" + c.id(),
                    List.of(),
                    null));
            if (c.closedOn() != null) {
                out.add(new PersonEvent(
                        c.closedOn(),
                        "个案结案",
                        c.code() + " " + c.title(),
                        detail,
                        c.stage().label(),
                        Boolean.TRUE,
                        "/cases/" + c.id(),
                        List.of(),
                        null));
            }
        }
        return out;
    }
}
